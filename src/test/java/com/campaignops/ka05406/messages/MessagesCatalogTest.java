package com.campaignops.ka05406.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The one place that holds every text: complete, consistent and really translated in every language. */
class MessagesCatalogTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /**
     * Keys whose text may read the same as in English: the console's own word "Workflows" (German), and a line whose
     * only word is the article's number (KA-05406).
     */
    private static final Set<String> SAME_AS_ENGLISH_ALLOWED = Set.of("alert.label.workflows", "alert.notify");
    /** English function words: in another language's sentence they mean an English leftover. */
    private static final Pattern ENGLISH_WORDS = Pattern.compile(
            "(?i)\\b(the|and|which|would|could|should|was given|is not|from the|of the|to the|with its)\\b");
    private static final Map<String, String> ENGLISH = Catalog.read("en");

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"FR", "DE", "JA", "SV", "IT"})
    void everyKeyIsThere_withTheSamePlaceholders(Language language) {
        Map<String, String> texts = Catalog.read(language.catalog());
        assertThat(texts.keySet()).as("keys of %s", language).isEqualTo(ENGLISH.keySet());
        ENGLISH.forEach((key, english) -> assertThat(placeholders(texts.get(key)))
                .as("%s placeholders of %s: %s", language, key, texts.get(key)).isEqualTo(placeholders(english)));
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"FR", "DE", "JA", "SV", "IT"})
    void noTextIsAnEnglishLeftover(Language language) {
        Map<String, String> texts = Catalog.read(language.catalog());
        texts.forEach((key, text) -> {
            if (hasLetters(ENGLISH.get(key)) && !SAME_AS_ENGLISH_ALLOWED.contains(key)) {
                assertThat(text).as("%s %s is still English", language, key).isNotEqualTo(ENGLISH.get(key));
            }
            assertThat(text).as("%s %s", language, key).doesNotContainPattern(ENGLISH_WORDS);
            assertThat(text).as("%s %s: MessageFormat quoting is not used", language, key).doesNotContain("''");
        });
    }

    @Test
    void englishHasNoMessageFormatQuoting() {
        ENGLISH.forEach((key, text) -> assertThat(text).as(key).doesNotContain("''"));
    }

    @Test
    void japaneseUsesItsOwnPunctuation() {
        Catalog.read("ja").forEach((key, text) -> assertThat(text).as(key).doesNotContain(". ").doesNotEndWith("."));
    }

    @Test
    void frenchPutsANoBreakSpaceBeforeColonsAndInsideGuillemets() {
        Catalog.read("fr").forEach((key, text) -> assertThat(text).as(key)
                .doesNotContain(" :", " ;", "« ", " »"));
    }

    @Test
    void aColdStartInEnglishReadsTheEnglishTextsOnly() {
        Catalog catalog = new Catalog();
        catalog.messages(Language.EN).get("error.signature");
        catalog.messages(Language.EN_US).get("error.signature");
        assertThat(catalog.texts).containsOnlyKeys("en");
        catalog.messages(Language.FR).get("error.signature");
        assertThat(catalog.texts).containsOnlyKeys("en", "fr");
    }

    @Test
    void argumentsFillThePlaceholders_apostrophesStayText() {
        Messages english = Messages.english();
        assertThat(english.get("notification.label", "Message Center rt_prod2", "mcSynch_rt_prod2"))
                .isEqualTo("The workflow was given by its label 'Message Center rt_prod2', read as mcSynch_rt_prod2.");
        assertThat(Messages.of(Language.FR).get("error.recurrence", 2, "a, b"))
                .isEqualTo("Le log montre cette erreur 2 fois\u00a0: a, b.");
        assertThat(english.render(Text.of("dates.both", "03/04/2025", Text.of("order.monthFirst"))))
                .endsWith("this is the month first reading.");
        assertThat(Messages.of(Language.DE).render(Text.of("dates.both", "03/04/2025", Text.of("order.monthFirst"))))
                .endsWith("Dies ist die Lesart Monat vor Tag.");
    }

    @Test
    void timesFollowTheLocalClock() {
        assertThat(Messages.of(Language.EN_US).time(LocalTime.of(6, 5))).isEqualTo("6:05 AM");
        assertThat(Messages.of(Language.EN_US).time(LocalTime.of(0, 0))).isEqualTo("12:00 AM");
        assertThat(Messages.of(Language.EN_US).time(LocalTime.of(12, 30))).isEqualTo("12:30 PM");
        assertThat(Messages.of(Language.EN_US).time(LocalTime.of(18, 10))).isEqualTo("6:10 PM");
        for (Language language : new Language[]{Language.EN, Language.FR, Language.DE, Language.JA, Language.SV,
                Language.IT}) {
            assertThat(Messages.of(language).time(LocalTime.of(6, 5))).as("%s", language).isEqualTo("06:05");
        }
    }

    @Test
    void listsAreJoinedTheLanguagesWay() {
        assertThat(Messages.english().orList(java.util.List.of("UTC+01:00", "UTC+02:00", "UTC+03:00")))
                .isEqualTo("UTC+01:00 or UTC+02:00 or UTC+03:00");
        assertThat(Messages.of(Language.SV).orList(java.util.List.of("UTC+01:00", "UTC+02:00")))
                .isEqualTo("UTC+01:00 eller UTC+02:00");
        assertThat(Messages.of(Language.JA).commaList(java.util.List.of("a", "b"))).isEqualTo("a、b");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static boolean hasLetters(String text) {
        return text.replaceAll("\\{\\d+}", "").codePoints().anyMatch(Character::isLetter);
    }
}
