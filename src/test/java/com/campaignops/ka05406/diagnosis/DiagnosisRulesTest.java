package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DiagnosisRulesTest {

    private static final Instant RESTART = Instant.parse("2024-06-13T04:00:00Z");

    @ParameterizedTest(name = "failure at restart {0} -> coincides: {1}")
    @CsvSource(textBlock = """
            -PT5M,         true
            -PT5M0.001S,   false
            -PT5M1S,       false
            PT0S,          true
            PT3S,          true
            PT10M,         true
            PT10M0.001S,   false
            PT10M1S,       false
            -PT1H,         false
            PT1H,          false
            """)
    void defaultWindow_runsFromFiveMinutesBeforeToTenMinutesAfterTheRestart_edgesIncluded(Duration fromRestart,
                                                                                          boolean expected) {
        assertThat(DiagnosisRules.DEFAULT.coincides(RESTART.plus(fromRestart), RESTART)).isEqualTo(expected);
    }

    @Test
    void defaults_areTheArticlesFiveAndTenMinutes() {
        assertThat(DiagnosisRules.DEFAULT).isEqualTo(new DiagnosisRules(Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofMinutes(3), 5, 10));
        assertThat(DiagnosisRules.DEFAULT.describeWindow(Messages.english())).isEqualTo("from 5 min before to 10 min after the restart");
    }

    @Test
    void configuredWindow_isTheOneApplied() {
        DiagnosisRules rules = new DiagnosisRules(Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(1), 5, 10);

        assertThat(rules.coincides(RESTART.minus(Duration.ofMinutes(2)), RESTART)).isTrue();
        assertThat(rules.coincides(RESTART.minus(Duration.ofMinutes(3)), RESTART)).isFalse();
        assertThat(rules.coincides(RESTART.plus(Duration.ofMinutes(4)), RESTART)).isTrue();
        assertThat(rules.coincides(RESTART.plus(Duration.ofMinutes(5)), RESTART)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            -PT1M, PT10M,  PT3M,  5, 10
            PT5M,  -PT1M,  PT3M,  5, 10
            PT5M,  PT10M,  -PT1S, 5, 10
            PT5M,  PT10M,  PT3M,  0, 10
            PT5M,  PT10M,  PT3M,  10, 5
            """)
    void nonsensicalRules_areRefused(Duration before, Duration after, Duration quick, int shortOffset, int longOffset) {
        assertThatIllegalArgumentException().isThrownBy(() -> new DiagnosisRules(before, after, quick, shortOffset, longOffset));
    }
}
