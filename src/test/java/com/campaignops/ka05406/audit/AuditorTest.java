package com.campaignops.ka05406.audit;

import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.Recommendation;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditorTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final RestartSchedule SIX_AM_UTC = new RestartSchedule(LocalTime.of(6, 0), UTC);
    private static final RestartFetch NOT_CONFIGURED =
            new RestartFetch.NotConfigured("No restart URL is configured for instance mcExec1");
    private static final Instant NOW = Instant.parse("2024-06-13T07:15:00Z");

    private final Auditor auditor = new Auditor(DiagnosisRules.DEFAULT, WorkflowNames.DEFAULT);

    @Test
    void adobesDefaultHourlySchedule_isAtRisk_andGetsTheArticlesFix() {
        InstanceAudit audit = auditor.audit("mcExec1", NOT_CONFIGURED, SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC, NOW,
                Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.AT_RISK);
        assertThat(audit.instance()).isEqualTo("mcExec1");
        assertThat(audit.workflow()).isEqualTo("mcSynch_mcExec1");
        assertThat(audit.restartAt()).isEqualTo(Instant.parse("2024-06-13T06:00:00Z"));
        assertThat(audit.restartSource()).isEqualTo(RestartSource.SCHEDULE);
        assertThat(audit.workflowSchedule()).isEqualTo("every 60 min from 00:00, UTC");
        assertThat(audit.collidingRun()).isEqualTo("06:00");
        assertThat(audit.evidence()).anyMatch(e -> e.contains("No restart URL is configured for instance mcExec1"));
        assertThat(audit.evidence()).anyMatch(e -> e.contains("The run of mcSynch_mcExec1 at 06:00")
                && e.contains("from 5 min before the restart at 06:00 until 06:05"));
        Recommendation recommendation = audit.recommendation();
        assertThat(recommendation.offsetMinutes()).isEqualTo(5);
        assertThat(recommendation.schedulerStart()).isEqualTo("06:05");
        assertThat(recommendation.timeZone()).isEqualTo("UTC");
        assertThat(recommendation.steps()).anyMatch(s -> s.contains("mcSynch_mcExec1"));
        assertThat(recommendation.caveat()).contains("'tracking' workflow");
    }

    /** Restart 06:00 UTC; control instance in UTC. */
    @ParameterizedTest(name = "every {0} from {1} -> {2} {3}")
    @CsvSource(textBlock = """
            PT1H,  00:00, AT_RISK, 06:00
            PT1H,  00:03, AT_RISK, 06:03
            PT1H,  00:04, AT_RISK, 06:04
            PT1H,  00:55, AT_RISK, 05:55
            PT1H,  00:54, CLEAR,
            PT1H,  00:30, CLEAR,
            PT15M, 00:00, AT_RISK, 06:00
            PT3H,  00:00, AT_RISK, 06:00
            PT3H,  01:00, CLEAR,
            P1D,   06:00, AT_RISK, 06:00
            P1D,   05:56, AT_RISK, 05:56
            P1D,   18:00, CLEAR,
            """)
    void runStartingFromFiveMinutesBeforeTheRestart_untilTheRecommendedStart_isAtRisk(Duration every, LocalTime firstRun,
                                                                                    AuditStatus status, String run) {
        InstanceAudit audit = auditor.audit("mcExec1", NOT_CONFIGURED, SIX_AM_UTC, new WorkflowSchedule(every, firstRun),
                UTC, NOW, Messages.english());

        assertThat(audit.status()).isEqualTo(status);
        assertThat(audit.collidingRun()).isEqualTo(run);
        assertThat(audit.recommendation() != null).isEqualTo(status == AuditStatus.AT_RISK);
    }

    /** The article's fix: start 5 or 10 minutes after the restart. Once applied, the audit must not flag it. */
    @ParameterizedTest(name = "every {0} from {1} -> CLEAR")
    @CsvSource(textBlock = """
            PT1H,  00:05
            PT1H,  00:10
            PT15M, 00:05
            P1D,   06:05
            P1D,   06:10
            """)
    void scheduleMovedByTheArticlesOffset_isClear(Duration every, LocalTime firstRun) {
        InstanceAudit audit = auditor.audit("mcExec1", NOT_CONFIGURED, SIX_AM_UTC, new WorkflowSchedule(every, firstRun),
                UTC, NOW, Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.CLEAR);
        assertThat(audit.collidingRun()).isNull();
        assertThat(audit.recommendation()).isNull();
        assertThat(audit.restartAt()).isEqualTo(Instant.parse("2024-06-13T06:00:00Z"));
        assertThat(audit.evidence()).anyMatch(e -> e.startsWith("No run of mcSynch_mcExec1"));
    }

    @Test
    void recommendedSchedule_isClearOnTheNextAudit() {
        InstanceAudit atRisk = auditor.audit("mcExec1", NOT_CONFIGURED, SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC, NOW,
                Messages.english());
        WorkflowSchedule moved = new WorkflowSchedule(Duration.ofHours(1),
                LocalTime.parse(atRisk.recommendation().schedulerStart()).withHour(0));

        InstanceAudit after = auditor.audit("mcExec1", NOT_CONFIGURED, SIX_AM_UTC, moved, UTC, NOW.plus(Duration.ofDays(1)),
                Messages.english());

        assertThat(after.status()).isEqualTo(AuditStatus.CLEAR);
    }

    @Test
    void controlInstanceInAnotherZone_isComparedAndAdvisedInItsOwnZone() {
        RestartSchedule sixAmParis = new RestartSchedule(LocalTime.of(6, 0), PARIS);
        ZoneId newYork = ZoneId.of("America/New_York");

        InstanceAudit audit = auditor.audit("mcExec1", NOT_CONFIGURED, sixAmParis, WorkflowSchedule.ADOBE_DEFAULT,
                newYork, Instant.parse("2024-06-13T12:00:00Z"), Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.AT_RISK);
        assertThat(audit.restartAt()).isEqualTo(Instant.parse("2024-06-13T04:00:00Z"));
        assertThat(audit.collidingRun()).isEqualTo("00:00");
        assertThat(audit.workflowSchedule()).isEqualTo("every 60 min from 00:00, America/New_York");
        assertThat(audit.recommendation().schedulerStart()).isEqualTo("00:05");
        assertThat(audit.recommendation().timeZone()).isEqualTo("America/New_York");
    }

    @Test
    void hourlyRunsInAHalfHourZone_missARestartOnTheHour() {
        InstanceAudit audit = auditor.audit("mcExec1", NOT_CONFIGURED, SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT,
                ZoneId.of("Asia/Kolkata"), NOW, Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.CLEAR);
    }

    @ParameterizedTest(name = "audit at {0} -> {1}")
    @CsvSource(textBlock = """
            2024-06-13T12:00:00Z, 2024-06-13T04:00:00Z, AT_RISK
            2024-01-13T12:00:00Z, 2024-01-13T05:00:00Z, CLEAR
            """)
    void twoHourlyScheduleInUtc_meetsAParisRestartOnlyInSummer(Instant now, Instant restartAt, AuditStatus status) {
        RestartSchedule sixAmParis = new RestartSchedule(LocalTime.of(6, 0), PARIS);

        InstanceAudit audit = auditor.audit("mcExec1", NOT_CONFIGURED, sixAmParis,
                new WorkflowSchedule(Duration.ofHours(2), LocalTime.MIDNIGHT), UTC, now, Messages.english());

        assertThat(audit.restartAt()).isEqualTo(restartAt);
        assertThat(audit.status()).isEqualTo(status);
    }

    @Test
    void auditBeforeTodaysRestart_looksAtYesterdays() {
        InstanceAudit audit = auditor.audit("mcExec1", NOT_CONFIGURED, SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC,
                Instant.parse("2024-06-13T05:00:00Z"), Messages.english());

        assertThat(audit.restartAt()).isEqualTo(Instant.parse("2024-06-12T06:00:00Z"));
        assertThat(audit.status()).isEqualTo(AuditStatus.AT_RISK);
    }

    @Test
    void observedRestart_isTheLatestOneReportedBeforeNow() {
        InstanceAudit audit = auditor.audit("mcExec1", new RestartFetch.Observed(RestartSource.HTTP_JSON, List.of(
                        Instant.parse("2024-06-12T06:00:40Z"), Instant.parse("2024-06-13T06:00:41Z"))),
                SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC, NOW, Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.AT_RISK);
        assertThat(audit.restartAt()).isEqualTo(Instant.parse("2024-06-13T06:00:41Z"));
        assertThat(audit.restartSource()).isEqualTo(RestartSource.HTTP_JSON);
        assertThat(audit.collidingRun()).isEqualTo("06:00");
        assertThat(audit.recommendation().offsetMinutes()).isEqualTo(5);
        assertThat(audit.recommendation().schedulerStart()).isEqualTo("06:05");
    }

    /** The web process came back at 06:04, four minutes late: the article's long offset is needed. */
    @ParameterizedTest(name = "every hour from {0} -> {1}")
    @CsvSource(textBlock = """
            00:00, AT_RISK, 06:00
            00:05, AT_RISK, 06:05
            00:09, AT_RISK, 06:09
            00:10, CLEAR,
            """)
    void slowObservedRestart_needsTheTenMinuteOffset(LocalTime firstRun, AuditStatus status, String run) {
        InstanceAudit audit = auditor.audit("mcExec1", new RestartFetch.Observed(RestartSource.MONITOR_XML,
                        List.of(Instant.parse("2024-06-13T06:04:00Z"))),
                SIX_AM_UTC, new WorkflowSchedule(Duration.ofHours(1), firstRun), UTC, NOW, Messages.english());

        assertThat(audit.status()).isEqualTo(status);
        assertThat(audit.collidingRun()).isEqualTo(run);
        if (status == AuditStatus.AT_RISK) {
            assertThat(audit.recommendation().offsetMinutes()).isEqualTo(10);
            assertThat(audit.recommendation().schedulerStart()).isEqualTo("06:10");
        }
    }

    @Test
    void failingRestartSource_isUnknown_sayingWhatTheScheduleAloneSuggests() {
        InstanceAudit audit = auditor.audit("mcExec1", new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "HTTP 503"),
                SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC, NOW, Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.UNKNOWN);
        assertThat(audit.restartAt()).isNull();
        assertThat(audit.restartSource()).isNull();
        assertThat(audit.collidingRun()).isNull();
        assertThat(audit.recommendation()).isNull();
        assertThat(audit.evidence()).anyMatch(e -> e.contains("HTTP 503"))
                .anyMatch(e -> e.contains("the run at 06:00 would collide"));
    }

    @Test
    void failingRestartSource_withAScheduleClearOfTheRestart_isStillUnknown_withoutAWarning() {
        InstanceAudit audit = auditor.audit("mcExec1", new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "HTTP 503"),
                SIX_AM_UTC, new WorkflowSchedule(Duration.ofHours(1), LocalTime.of(0, 5)), UTC, NOW,
                Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.UNKNOWN);
        assertThat(audit.evidence()).noneMatch(e -> e.contains("would collide"));
    }

    @Test
    void restartSourceListingNoRestart_isUnknown() {
        InstanceAudit audit = auditor.audit("mcExec1", new RestartFetch.Observed(RestartSource.HTTP_JSON, List.of()),
                SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC, NOW, Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.UNKNOWN);
        assertThat(audit.evidence()).anyMatch(e -> e.contains("listed no restart"));
    }

    @Test
    void slowRestartObservedAfterTheScheduledOne_putsTheRunAtTheScheduleAtRisk_withTheLongOffset() {
        RestartFetch observed = new RestartFetch.Observed(RestartSource.HTTP_JSON, List.of(Instant.parse("2024-06-13T06:06:30Z")));

        InstanceAudit audit = auditor.audit("mcExec1", observed, SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC, NOW,
                Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.AT_RISK);
        assertThat(audit.collidingRun()).isEqualTo("06:00");
        assertThat(audit.restartAt()).isEqualTo(Instant.parse("2024-06-13T06:06:30Z"));
        assertThat(audit.recommendation().offsetMinutes()).isEqualTo(10);
        assertThat(audit.recommendation().schedulerStart()).isEqualTo("06:10");
    }

    @Test
    void oneOffRestartOffTheSchedule_doesNotHideTheDailyScheduledRestart() {
        RestartFetch observed = new RestartFetch.Observed(RestartSource.HTTP_JSON, List.of(Instant.parse("2024-06-13T14:23:00Z")));
        Instant evening = Instant.parse("2024-06-13T18:00:00Z");

        InstanceAudit audit = auditor.audit("mcExec1", observed, SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC, evening,
                Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.AT_RISK);
        assertThat(audit.restartSource()).isEqualTo(RestartSource.SCHEDULE);
        assertThat(audit.restartAt()).isEqualTo(Instant.parse("2024-06-13T06:00:00Z"));
        assertThat(audit.collidingRun()).isEqualTo("06:00");
        assertThat(audit.evidence()).anyMatch(e -> e.contains("not the scheduled one"));
    }

    @Test
    void restartReportedDaysAgo_isFlaggedAsStale() {
        RestartFetch observed = new RestartFetch.Observed(RestartSource.HTTP_JSON, List.of(Instant.parse("2024-06-10T06:00:41Z")));

        InstanceAudit audit = auditor.audit("mcExec1", observed, SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC, NOW,
                Messages.english());

        assertThat(audit.evidence()).anyMatch(e -> e.contains("3 days old"));
    }

    @Test
    void serverZoneUnknown_hourlyRunsOnTheHour_isUnknown_namingTheOffsetsWhereARunMeetsTheRestart() {
        InstanceAudit audit = auditor.audit("mcExec1", NOT_CONFIGURED, RestartSchedule.unknownZone(LocalTime.of(6, 0)),
                WorkflowSchedule.ADOBE_DEFAULT, PARIS, NOW, Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.UNKNOWN);
        assertThat(audit.restartAt()).isNull();
        assertThat(String.join(" ", audit.evidence())).contains("UTC-12:00 to UTC+14:00 (every whole hour)")
                .doesNotContain("UTC+05:30").contains("RESTART_CHECK_SCHEDULED_RESTART_SERVER_TIME_ZONE")
                .doesNotContain("06:00:00 UTC");
    }

    @Test
    void serverZoneUnknown_runsThatMeetTheRestartAtNoOffset_areClear() {
        WorkflowSchedule twentyPast = new WorkflowSchedule(Duration.ofMinutes(60), LocalTime.of(0, 20));

        InstanceAudit audit = auditor.audit("mcExec1", NOT_CONFIGURED, RestartSchedule.unknownZone(LocalTime.of(6, 0)),
                twentyPast, PARIS, NOW, Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.CLEAR);
        assertThat(String.join(" ", audit.evidence())).contains("at no UTC offset in use");
    }

    @Test
    void serverZoneUnknown_restartSourceDown_isUnknown_andNamesTheOffsetsRatherThanAGuessedRestart() {
        InstanceAudit audit = auditor.audit("mcExec1", new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "HTTP 503"),
                RestartSchedule.unknownZone(LocalTime.of(6, 0)), WorkflowSchedule.ADOBE_DEFAULT, PARIS, NOW,
                Messages.english());

        assertThat(audit.status()).isEqualTo(AuditStatus.UNKNOWN);
        assertThat(String.join(" ", audit.evidence())).contains("HTTP 503").contains("UTC-12:00 to UTC+14:00");
    }
}
