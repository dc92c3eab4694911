package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.campaign.CampaignJournal;
import com.campaignops.ka05406.campaign.CampaignJournal.Line;
import com.campaignops.ka05406.campaign.CampaignWorkflow;
import com.campaignops.ka05406.diagnosis.Diagnoser;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.Recommendation;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.diagnosis.WorkflowPattern;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep's rules for one workflow, with the real diagnosis core and hand-made journals. */
class SweepRulesTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NOW = Instant.parse("2024-06-14T07:15:00Z");
    private static final RestartSchedule SIX_UTC = new RestartSchedule(LocalTime.of(6, 0), UTC);
    private static final String SIGNATURE = "Empty return for method 'Logon' of service 'xtk:session'.";

    private final Runs runs = new Runs(Duration.ofMinutes(10));
    private final SweepRules rules = new SweepRules(DiagnosisRules.DEFAULT, runs, 3);
    private final Diagnoser diagnoser = new Diagnoser(DiagnosisRules.DEFAULT, new WorkflowPattern(List.of("mcSynch_*")));

    /** The core as the service calls it, against a given restart fetch. */
    private BiFunction<Notification, RestartSchedule, Diagnosis> core(RestartFetch fetch) {
        return (notification, schedule) -> {
            Diagnoser.Triage triage = diagnoser.triage(notification, Messages.english());
            if (triage instanceof Diagnoser.Triage.NeedsRestartTime needs) {
                return diagnoser.decide(needs.candidate(), fetch, schedule, UTC, WorkflowSchedule.ADOBE_DEFAULT, Messages.english());
            }
            return ((Diagnoser.Triage.Settled) triage).diagnosis();
        };
    }

    /** Hourly runs at :00 over the last {@code days} days; {@code failures} maps an hour (UTC) to its error. */
    private static CampaignJournal hourly(int days, int failingHour, String error, int failingDays) {
        List<Line> lines = new ArrayList<>();
        Instant start = NOW.minus(Duration.ofDays(days)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (Instant t = start; t.isBefore(NOW); t = t.plus(Duration.ofHours(1))) {
            lines.add(new Line(t.plusSeconds(1), 2, "Workflow 'mcSynch_mcExec1' is being run"));
            boolean failing = error != null && t.atZone(UTC).getHour() == failingHour
                    && Duration.between(t, NOW).toDays() < failingDays;
            lines.add(new Line(t.plusSeconds(3), failing ? 0 : 2,
                    failing ? error : "Transactional deliveries synchronized"));
        }
        return new CampaignJournal(lines, false);
    }

    private SweepRules.Findings read(CampaignJournal journal, RestartFetch fetch) {
        return rules.read("mcSynch_mcExec1", "mcExec1", journal, NOW, Duration.ofHours(25), 7, SIX_UTC, UTC,
                core(fetch), fetch instanceof RestartFetch.Unavailable, Messages.english());
    }

    @Test
    void serverZoneUnknown_recurrenceAtTheSameTimeOnEnoughDays_infersTheOffset_andSaysItIsInferred() {
        RestartSchedule unknown = RestartSchedule.unknownZone(LocalTime.of(6, 0));

        SweepRules.Findings findings = rules.read("mcSynch_mcExec1", "mcExec1", hourly(7, 6, SIGNATURE, 3), NOW,
                Duration.ofHours(25), 7, unknown, ZoneId.of("Europe/Paris"), core(new RestartFetch.NotConfigured("none")),
                false, Messages.english());

        assertThat(findings.restartSchedule().zoneBasis()).isEqualTo(RestartSchedule.ZoneBasis.INFERRED);
        assertThat(findings.restartSchedule().serverZone()).isEqualTo(java.time.ZoneOffset.UTC);
        assertThat(findings.evidence()).anySatisfy(e -> assertThat(e)
                .contains("consistent with an execution server at UTC+00:00 restarting at 06:00")
                .contains("marked as inferred").contains("RESTART_CHECK_SCHEDULED_RESTART_SERVER_TIME_ZONE"));
        assertThat(findings.failures()).extracting(Diagnosis::verdict).containsExactly(Verdict.MATCH);
        assertThat(findings.failures().get(0).evidence()).anySatisfy(e -> assertThat(e).contains("inferred"));
    }

    @Test
    void serverZoneUnknown_tooFewDaysToInfer_leavesItUnknown_andNeverCallsAnotherClockTheServers() {
        RestartSchedule unknown = RestartSchedule.unknownZone(LocalTime.of(6, 0));

        SweepRules.Findings findings = rules.read("mcSynch_mcExec1", "mcExec1", hourly(7, 6, SIGNATURE, 1), NOW,
                Duration.ofHours(25), 7, unknown, ZoneId.of("Europe/Paris"), core(new RestartFetch.NotConfigured("none")),
                false, Messages.english());

        assertThat(findings.restartSchedule().zoneKnown()).isFalse();
        assertThat(findings.failures()).extracting(Diagnosis::verdict).containsExactly(Verdict.INCONCLUSIVE);
        assertThat(findings.recurrence().summary()).contains("zone is not known").doesNotContain("Europe/Paris restart");
        assertThat(findings.failures().get(0).evidence()).noneSatisfy(e -> assertThat(e).contains("06:00:00 UTC"));
    }

    private static final CampaignWorkflow STARTED = new CampaignWorkflow(1, "mcSynch_mcExec1", 11, false, null);
    private static final CampaignWorkflow FAILED = new CampaignWorkflow(1, "mcSynch_mcExec1", 13, true,
            Instant.parse("2024-06-14T06:00:01Z"));

    private static InstanceAudit audit(AuditStatus status) {
        Recommendation recommendation = status == AuditStatus.AT_RISK
                ? new Recommendation(5, "06:05", "UTC", 60, List.of("step"), "caveat") : null;
        return new InstanceAudit("mcExec1", "mcSynch_mcExec1", status, null, null, "every 60 min from 00:00", null,
                List.of(), recommendation, null);
    }

    @ParameterizedTest(name = "failing at {0}:00 UTC on {1} days, {2}, audit {3} -> {4}")
    @CsvSource({
            // hour, days, error,                                    audit,   status,   failures
            "6,  5, signature,  CLEAR,   FAILING, MATCH",
            "6,  1, signature,  AT_RISK, FAILING, MATCH",
            "14, 1, signature,  CLEAR,   CLEAR,   NO_MATCH",
            "6,  1, wrong-pass, CLEAR,   CLEAR,   NO_MATCH",
            "-1, 0, none,       AT_RISK, AT_RISK, ''",
            "-1, 0, none,       CLEAR,   CLEAR,   ''",
            "-1, 0, none,       UNKNOWN, CLEAR,   ''"})
    void statusFollowsTheRecentVerdictsAndTheAudit(int hour, int days, String error, AuditStatus auditStatus,
                                                   SweepStatus status, String verdicts) {
        String message = switch (error) {
            case "signature" -> SIGNATURE;
            case "wrong-pass" -> "XSV-350012 Invalid login or password. Connection denied.";
            default -> null;
        };
        SweepRules.Findings findings = read(hourly(7, hour, message, days), new RestartFetch.NotConfigured("none"));

        WorkflowReport report = rules.report(STARTED, "mcExec1", findings, audit(auditStatus), null, Messages.english());

        assertThat(report.status()).isEqualTo(status);
        assertThat(report.failures()).extracting(d -> d.verdict().name())
                .containsExactlyElementsOf(verdicts.isEmpty() ? List.of() : List.of(verdicts));
        assertThat(report.recommendation() != null).isEqualTo(status == SweepStatus.FAILING || status == SweepStatus.AT_RISK);
        assertThat(report.cadence().description()).isEqualTo("every 60 min at :00, from 169 runs");
    }

    @Test
    void signatureAtTheRestartOnEarlierDaysOnly_isAtRisk_withoutRecentFailures() {
        CampaignJournal journal = hourly(7, 6, SIGNATURE, 7);
        List<Line> olderThanTheLookback = journal.lines().stream()
                .filter(l -> l.logDate().isBefore(NOW.minus(Duration.ofDays(2)))).toList();

        WorkflowReport report = rules.report(STARTED, "mcExec1",
                read(new CampaignJournal(olderThanTheLookback, false), new RestartFetch.NotConfigured("none")),
                audit(AuditStatus.CLEAR), null, Messages.english());

        assertThat(report.status()).isEqualTo(SweepStatus.AT_RISK);
        assertThat(report.failures()).isEmpty();
        assertThat(report.recurrence().daysAtRestart()).isEqualTo(5);
    }

    @Test
    void failedWorkflow_isReportedWithSinceWhen() {
        WorkflowReport report = rules.report(FAILED, "mcExec1",
                read(hourly(7, 6, SIGNATURE, 1), new RestartFetch.NotConfigured("none")), null, null, Messages.english());

        assertThat(report.state()).isEqualTo("failed");
        assertThat(report.since()).isEqualTo(Instant.parse("2024-06-14T06:00:01Z"));
        assertThat(report.evidence()).anyMatch(e -> e.startsWith("Workflow mcSynch_mcExec1 is failed since its last start"));
    }

    @ParameterizedTest(name = "source unavailable {0}, signature at 03:00 on {1} days -> {2}")
    @CsvSource({"true, 5, MATCH", "true, 2, INCONCLUSIVE", "false, 5, NO_MATCH"})
    void dailyRecurrence_turnsAnInconclusiveIntoAMatch_onlyWhenTheRestartSourceFailed(boolean sourceFailed, int days,
                                                                                      Verdict verdict) {
        RestartFetch fetch = sourceFailed ? new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "timeout")
                : new RestartFetch.NotConfigured("none");

        SweepRules.Findings findings = read(hourly(7, 3, SIGNATURE, days), fetch);

        Diagnosis recent = findings.failures().get(findings.failures().size() - 1);
        assertThat(recent.verdict()).isEqualTo(verdict);
        if (verdict == Verdict.MATCH) {
            assertThat(recent.evidence()).anyMatch(e -> e.contains("recurs at the same time of day on 5 days"));
            assertThat(recent.restartAt()).isEqualTo(Instant.parse("2024-06-14T03:00:03Z").truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
            assertThat(recent.recommendation().schedulerStart()).isEqualTo("03:05");
        }
    }
}
