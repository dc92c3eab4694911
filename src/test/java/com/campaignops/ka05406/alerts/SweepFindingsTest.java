package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.sweep.SweepPeriod;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.sweep.SweepStatus;
import com.campaignops.ka05406.sweep.WorkflowReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SweepFindingsTest {

    private static final Instant A_DAY_AGO_AND_MORE = SampleFindings.NOW.minusSeconds(25 * 3600);

    @Test
    void scheduledSweep_sendsEachFailingWorkflowOnce_eachUnreadableOne_andItsAuditsFindings_butNothingClear() {
        SweepReport report = new SweepReport(Diagnosis.KNOWN_ISSUE, SampleFindings.NOW, List.of(
                workflow("mcSynch_mcExec1", SweepStatus.FAILING, null, SampleFindings.diagnosis(Verdict.MATCH)),
                workflow("mcSynch_mcExec2", SweepStatus.UNKNOWN, "XSV-350012 Invalid login or password."),
                workflow("mcSynch_mcExec3", SweepStatus.CLEAR, null)),
                List.of(SampleFindings.atRisk("mcExec4"), SampleFindings.clear("mcExec5")), List.of(), "en",
                SweepPeriod.ending(SampleFindings.NOW, Duration.ofDays(1), true));

        List<Finding> findings = Finding.toSend(report);

        assertThat(findings).extracting(Finding::kind, Finding::workflow).containsExactly(
                tuple(Finding.Kind.FAILING, "mcSynch_mcExec1"),
                tuple(Finding.Kind.CAMPAIGN_UNREADABLE, "mcSynch_mcExec2"),
                tuple(Finding.Kind.AT_RISK, "mcSynch_mcExec4"));
        assertThat(findings.get(0).fix().schedulerStart()).isEqualTo("06:05");
        assertThat(findings.get(1).problem()).isEqualTo("XSV-350012 Invalid login or password.");
    }

    @Test
    void failureTheDailyRunBeforeAlreadySaw_isNotSentAgain() {
        Diagnosis old = SampleFindings.diagnosis(Verdict.MATCH);
        Diagnosis older = new Diagnosis(old.knownIssue(), old.verdict(), old.workflow(), old.instance(),
                A_DAY_AGO_AND_MORE, old.restartAt(), old.restartSource(), old.minutesFromRestart(), old.evidence(),
                old.recommendation(), "en");
        SweepReport report = new SweepReport(Diagnosis.KNOWN_ISSUE, SampleFindings.NOW,
                List.of(workflow("mcSynch_mcExec1", SweepStatus.FAILING, null, older)), List.of(), List.of(), "en",
                SweepPeriod.ending(SampleFindings.NOW, Duration.ofDays(1), true));

        assertThat(Finding.toSend(report)).isEmpty();
    }

    /**
     * Issue 19, item 6: with the sweep on its own schedule, consecutive runs' periods partition time, so a failure
     * the 25 h lookback shows to every run of a day is alerted by exactly one of them, at any period; the daily run
     * then alerts no failure, only the unreadable workflows and the audit.
     */
    @Test
    void eachFailure_isAlertedByExactlyOneRun_whateverThePeriod() {
        Instant scheduled = Instant.parse("2024-06-14T07:15:00Z");
        for (Duration period : List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
                Duration.ofHours(12), Duration.ofDays(1))) {
            // A failure on a period's boundary, one just before it, one in the middle of a period.
            for (Instant failedAt : List.of(scheduled.minus(period), scheduled.minus(period).minusMillis(1),
                    scheduled.minus(period.multipliedBy(3).dividedBy(2)))) {
                int runs = 0;
                // Every run of the last 25 hours sees the failure in its journal (the lookback).
                for (Instant run = scheduled; !run.isBefore(scheduled.minus(Duration.ofHours(25))); run = run.minus(period)) {
                    SweepReport report = report(run, SweepPeriod.ending(run, period, false), failedAt);
                    runs += Finding.toSend(report).size();
                }
                assertThat(runs).as("runs alerting a failure at %s, every %s", failedAt, period).isEqualTo(1);
            }
        }
    }

    @Test
    void theDailyRun_withTheSweepOnItsOwnSchedule_alertsNoFailure_butTheUnreadableAndTheAudit_andOnDemandNothing() {
        Instant scheduled = Instant.parse("2024-06-14T07:15:00Z");
        List<WorkflowReport> workflows = List.of(
                workflow("mcSynch_mcExec1", SweepStatus.FAILING, null, failedAt(scheduled.minusSeconds(60))),
                workflow("mcSynch_mcExec2", SweepStatus.UNKNOWN, "timeout"));
        SweepPeriod daily = SweepPeriod.ending(scheduled, Duration.ZERO, true);

        assertThat(Finding.toSend(new SweepReport(Diagnosis.KNOWN_ISSUE, scheduled, workflows,
                List.of(SampleFindings.atRisk("mcExec4")), List.of(), "en", daily)))
                .extracting(Finding::kind).containsExactly(Finding.Kind.CAMPAIGN_UNREADABLE, Finding.Kind.AT_RISK);
        assertThat(Finding.toSend(new SweepReport(Diagnosis.KNOWN_ISSUE, scheduled, workflows,
                List.of(SampleFindings.atRisk("mcExec4")), List.of(), "en", SweepPeriod.NONE))).isEmpty();
    }

    private static SweepReport report(Instant checkedAt, SweepPeriod period, Instant failedAt) {
        return new SweepReport(Diagnosis.KNOWN_ISSUE, checkedAt,
                List.of(workflow("mcSynch_mcExec1", SweepStatus.FAILING, null, failedAt(failedAt))), List.of(), List.of(),
                "en", period);
    }

    private static Diagnosis failedAt(Instant at) {
        Diagnosis match = SampleFindings.diagnosis(Verdict.MATCH);
        return new Diagnosis(match.knownIssue(), match.verdict(), match.workflow(), match.instance(), at,
                match.restartAt(), match.restartSource(), match.minutesFromRestart(), match.evidence(),
                match.recommendation(), "en");
    }

    private static WorkflowReport workflow(String name, SweepStatus status, String reason, Diagnosis... failures) {
        return new WorkflowReport(name, name.substring("mcSynch_".length()), "failed", null, status, List.of(failures),
                null, null, null, List.of(), reason);
    }
}
