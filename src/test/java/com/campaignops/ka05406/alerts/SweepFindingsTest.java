package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.sweep.SweepStatus;
import com.campaignops.ka05406.sweep.WorkflowReport;
import org.junit.jupiter.api.Test;

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
                List.of(SampleFindings.atRisk("mcExec4"), SampleFindings.clear("mcExec5")), List.of());

        List<Finding> findings = FindingSources.toSend(report);

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
                old.recommendation());
        SweepReport report = new SweepReport(Diagnosis.KNOWN_ISSUE, SampleFindings.NOW,
                List.of(workflow("mcSynch_mcExec1", SweepStatus.FAILING, null, older)), List.of(), List.of());

        assertThat(FindingSources.toSend(report)).isEmpty();
    }

    private static WorkflowReport workflow(String name, SweepStatus status, String reason, Diagnosis... failures) {
        return new WorkflowReport(name, name.substring("mcSynch_".length()), "failed", null, status, List.of(failures),
                null, null, null, List.of(), reason);
    }
}
