package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant RESTART = Instant.parse("2024-06-13T06:00:00Z");

    private final DiagnosisRules rules = DiagnosisRules.DEFAULT;

    @ParameterizedTest(name = "server back {0} after the restart -> +{1} min, {2}")
    @CsvSource(textBlock = """
            PT0S,          5,  06:05
            PT41S,         5,  06:05
            PT2M59S,       5,  06:05
            PT3M,          5,  06:05
            PT3M0.001S,    10, 06:10
            PT3M1S,        10, 06:10
            PT9M59S,       10, 06:10
            """)
    void offset_isFiveMinutesWhenTheServerWasBackWithinThreeMinutes_elseTen(Duration lateness, int offset,
                                                                             String schedulerStart) {
        Recommendation recommendation = rules.recommend("mcSynch_mcExec1", RESTART, RESTART.plus(lateness), UTC,
                WorkflowSchedule.ADOBE_DEFAULT, Messages.english());

        assertThat(recommendation.offsetMinutes()).isEqualTo(offset);
        assertThat(recommendation.schedulerStart()).isEqualTo(schedulerStart);
    }

    @ParameterizedTest(name = "restart at {0}, back at {1} -> {2}")
    @CsvSource(textBlock = """
            2024-06-13T06:00:00Z,     2024-06-13T06:00:00Z, 06:05
            2024-06-13T06:00:30Z,     2024-06-13T06:00:30Z, 06:06
            2024-06-13T06:00:00.001Z, 2024-06-13T06:00:01Z, 06:06
            2024-06-13T06:00:41Z,     2024-06-13T06:04:00Z, 06:11
            2024-06-13T23:55:00Z,     2024-06-13T23:55:00Z, 00:00
            2024-06-13T23:52:00Z,     2024-06-13T23:57:00Z, 00:02
            """)
    void schedulerStart_isRoundedUpToTheMinute_soTheRunNeverStartsEarly(Instant restart, Instant backAt,
                                                                         String schedulerStart) {
        assertThat(rules.recommend("mcSynch_mcExec1", restart, backAt, UTC, WorkflowSchedule.ADOBE_DEFAULT, Messages.english())
                .schedulerStart()).isEqualTo(schedulerStart);
    }

    @ParameterizedTest(name = "restart 06:00 Paris on {0}, control zone {1} -> {2}")
    @CsvSource(textBlock = """
            2024-06-13T04:00:00Z, Europe/Paris,     06:05
            2024-06-13T04:00:00Z, America/New_York, 00:05
            2024-06-13T04:00:00Z, UTC,              04:05
            2024-06-13T04:00:00Z, Asia/Kolkata,     09:35
            2024-01-13T05:00:00Z, America/New_York, 00:05
            2024-03-12T05:00:00Z, America/New_York, 01:05
            2024-03-31T04:00:00Z, America/New_York, 00:05
            """)
    void schedulerStart_isWrittenInTheControlInstancesZone_notTheServers(Instant restart, ZoneId controlZone,
                                                                         String schedulerStart) {
        Recommendation recommendation = rules.recommend("mcSynch_mcExec1", restart, restart, controlZone,
                WorkflowSchedule.ADOBE_DEFAULT, Messages.english());

        assertThat(recommendation.schedulerStart()).isEqualTo(schedulerStart);
        assertThat(recommendation.timeZone()).isEqualTo(controlZone.getId());
    }

    @Test
    void recommendation_carriesTheArticlesSteps_filledInForTheWorkflow() {
        Recommendation recommendation = rules.recommend("mcSynch_mcExec1", Instant.parse("2024-06-13T04:00:00Z"),
                Instant.parse("2024-06-13T04:00:03Z"), ZoneId.of("Europe/Paris"), WorkflowSchedule.ADOBE_DEFAULT, Messages.english());

        assertThat(recommendation.steps()).hasSize(4);
        assertThat(recommendation.steps().get(0)).contains("journal", "mcSynch_mcExec1", "06:00 (Europe/Paris)");
        assertThat(recommendation.steps().get(1)).contains("Scheduler", "mcSynch_mcExec1", "control instance");
        assertThat(recommendation.steps().get(2))
                .contains("06:05 (Europe/Paris)", "5 minutes after the restart", "60 min", "no run starts at 06:00");
        assertThat(recommendation.steps().get(3)).contains("next server restart");
    }

    @Test
    void recommendation_warnsToMoveTheExecutionInstancesTrackingWorkflowToo() {
        Recommendation recommendation = rules.recommend("mcSynch_mcExec1", RESTART, RESTART, UTC,
                WorkflowSchedule.ADOBE_DEFAULT, Messages.english());

        assertThat(recommendation.caveat()).contains("'tracking' workflow", "execution instance", "same offset",
                "tracking data", "lost");
    }

    @Test
    void configuredOffsets_replaceTheArticlesFiveAndTen() {
        DiagnosisRules custom = new DiagnosisRules(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(1),
                7, 15);

        assertThat(custom.recommend("w", RESTART, RESTART.plusSeconds(60), UTC, WorkflowSchedule.ADOBE_DEFAULT, Messages.english()))
                .extracting(Recommendation::offsetMinutes, Recommendation::schedulerStart).containsExactly(7, "06:07");
        assertThat(custom.recommend("w", RESTART, RESTART.plusSeconds(61), UTC, WorkflowSchedule.ADOBE_DEFAULT, Messages.english()))
                .extracting(Recommendation::offsetMinutes, Recommendation::schedulerStart).containsExactly(15, "06:15");
    }
}
