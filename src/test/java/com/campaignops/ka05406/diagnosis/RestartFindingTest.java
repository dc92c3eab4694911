package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.diagnosis.Diagnoser.RestartFinding;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RestartFindingTest {

    private static final RestartFetch NOT_CONFIGURED =
            new RestartFetch.NotConfigured("No restart URL is configured for instance mcExec1");
    private static final RestartSchedule SIX_AM_PARIS = new RestartSchedule(LocalTime.of(6, 0), ZoneId.of("Europe/Paris"));
    private static final Instant FAILED_AT = Instant.parse("2024-06-13T04:00:03Z");

    private static RestartFinding resolve(Instant failedAt, RestartFetch fetch, RestartSchedule schedule,
                                          Messages messages) {
        return RestartFinding.of(DiagnosisRules.DEFAULT, failedAt, fetch, schedule, messages);
    }

    @Test
    void noRestartSourceConfigured_trustsTheSchedule() {
        RestartFinding finding = resolve(FAILED_AT, NOT_CONFIGURED, SIX_AM_PARIS, Messages.english());

        assertThat(finding.restartAt()).isEqualTo(Instant.parse("2024-06-13T04:00:00Z"));
        assertThat(finding.source()).isEqualTo(RestartSource.SCHEDULE);
        assertThat(finding.canRuleOut()).isTrue();
        assertThat(finding.note()).contains("No restart URL", "processRestartTime 06:00:00 Europe/Paris");
    }

    @Test
    void failingRestartSource_fallsBackToTheSchedule_whichCannotRuleARestartOut() {
        RestartFinding finding = resolve(FAILED_AT,
                new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "HTTP 503"), SIX_AM_PARIS, Messages.english());

        assertThat(finding.restartAt()).isEqualTo(Instant.parse("2024-06-13T04:00:00Z"));
        assertThat(finding.source()).isEqualTo(RestartSource.SCHEDULE);
        assertThat(finding.canRuleOut()).isFalse();
        assertThat(finding.note()).contains("HTTP_JSON", "HTTP 503", "fell back", "processRestartTime 06:00:00 Europe/Paris");
    }

    @Test
    void restartSourceListingNoRestart_fallsBackToTheSchedule_whichCannotRuleARestartOut() {
        RestartFinding finding = resolve(FAILED_AT,
                new RestartFetch.Observed(RestartSource.MONITOR_XML, List.of()), SIX_AM_PARIS, Messages.english());

        assertThat(finding.source()).isEqualTo(RestartSource.SCHEDULE);
        assertThat(finding.restartAt()).isEqualTo(Instant.parse("2024-06-13T04:00:00Z"));
        assertThat(finding.canRuleOut()).isFalse();
        assertThat(finding.note()).contains("MONITOR_XML", "listed no restart");
    }

    /**
     * failure 2024-06-13T04:00:03Z (06:00:03 Paris); reported restarts separated by spaces.
     */
    @ParameterizedTest(name = "reported [{0}] -> {1} from {2}, can rule out: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-06-13T04:00:41Z                        | 2024-06-13T04:00:41Z | HTTP_JSON | true
            2024-06-13T03:58:00Z                        | 2024-06-13T03:58:00Z | HTTP_JSON | true
            2024-06-12T04:00:40Z 2024-06-13T04:00:41Z   | 2024-06-13T04:00:41Z | HTTP_JSON | true
            2024-06-13T04:05:03Z                        | 2024-06-13T04:05:03Z | HTTP_JSON | true
            2024-06-13T04:05:04Z                        | 2024-06-13T04:00:00Z | SCHEDULE  | false
            2024-06-13T09:30:00Z                        | 2024-06-13T04:00:00Z | SCHEDULE  | false
            2024-06-14T04:00:40Z 2024-06-13T09:30:00Z   | 2024-06-13T04:00:00Z | SCHEDULE  | false
            2024-06-12T04:00:40Z                        | 2024-06-12T04:00:40Z | HTTP_JSON | true
            2024-06-12T04:00:40Z 2024-06-13T09:30:00Z   | 2024-06-13T09:30:00Z | HTTP_JSON | true
            """)
    void reportedRestarts_areTrustedWhenTheyCoverTheFailure(String reported, Instant expectedRestart,
                                                           RestartSource expectedSource, boolean canRuleOut) {
        List<Instant> restarts = Arrays.stream(reported.strip().split("\\s+")).map(Instant::parse).toList();

        RestartFinding finding = resolve(FAILED_AT,
                new RestartFetch.Observed(RestartSource.HTTP_JSON, restarts), SIX_AM_PARIS, Messages.english());

        assertThat(finding.restartAt()).isEqualTo(expectedRestart);
        assertThat(finding.source()).isEqualTo(expectedSource);
        assertThat(finding.canRuleOut()).isEqualTo(canRuleOut);
    }

    @Test
    void restartsReportedOnlyAfterTheFailure_sayWhyTheScheduleWasUsed() {
        RestartFinding finding = resolve(FAILED_AT, new RestartFetch.Observed(RestartSource.HTTP_JSON,
                List.of(Instant.parse("2024-06-13T09:30:00Z"))), SIX_AM_PARIS, Messages.english());

        assertThat(finding.note()).contains("only reports restarts after the failure", "2024-06-13T09:30:00Z");
    }
}
