package com.campaignops.ka05406.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LanguagesTest {

    @ParameterizedTest
    @CsvSource({
            "fr, fr", "fr-CA, fr", "FR-fr, fr", "fr_CH, fr", "sv-SE, sv", "sv-FI, sv", "de-AT, de", "de-CH-1996, de",
            "ja-JP, ja", "it-CH, it", "en, en", "en-US, en-US", "en-us, en-US", "en-GB, en", "en-US-x-ops, en-US",
            "pt-BR, en", "zh-Hant-TW, en", "'', en", "not a tag!, en", "*, en", "und, en"})
    void aTagFallsBackAlongItsParentsThenToEnglish(String tag, String used) {
        assertThat(Language.ofTag(tag).tag()).isEqualTo(used);
    }

    @Test
    void theNotificationSaysFirst_thenTheHeader_thenTheSetting_thenEnglish() {
        assertThat(Language.choose("sv-SE", "de", "it")).isEqualTo(Language.SV);
        assertThat(Language.choose(null, "de", "it")).isEqualTo(Language.DE);
        assertThat(Language.choose(" ", "", "it")).isEqualTo(Language.IT);
        assertThat(Language.choose(null, null, null)).isEqualTo(Language.EN);
        // A tag the notification gives is the reader's choice: unsupported, it falls back to English, not to the header.
        assertThat(Language.choose("pt-BR", "de", "it")).isEqualTo(Language.EN);
    }

    @Test
    void theHeaderIsReadByQValue_skippingWhatIsNotSpoken() {
        assertThat(Language.choose(null, "pt-BR, ja;q=0.5, fr-CA;q=0.8", null)).isEqualTo(Language.FR);
        assertThat(Language.choose(null, "da, sv;q=0.9, en;q=0.8", null)).isEqualTo(Language.SV);
        assertThat(Language.choose(null, "de;q=0, it;q=0.1", null)).isEqualTo(Language.IT);
        assertThat(Language.choose(null, "en-US,en;q=0.9", null)).isEqualTo(Language.EN_US);
        assertThat(Language.choose(null, "*", "ja")).isEqualTo(Language.JA);
        assertThat(Language.choose(null, "pt-BR, es", "de")).isEqualTo(Language.DE);
        assertThat(Language.choose(null, "fr;q=abc", "de")).isEqualTo(Language.DE);
        assertThat(Language.choose(null, ";;;", null)).isEqualTo(Language.EN);
    }
}
