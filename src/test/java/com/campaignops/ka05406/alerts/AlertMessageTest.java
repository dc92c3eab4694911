package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.messages.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What is sent and when (Finding.toSend), and what the one message says (AlertText via AlertText). */
class AlertMessageTest {

    private final AlertText text = new AlertText(Language.EN);

    @Test
    void scheduledAudit_sendsAtRiskAndUnknown_neverClear() {
        var report = SampleFindings.report(SampleFindings.atRisk("mcExec1"), SampleFindings.clear("mcExec2"),
                SampleFindings.unknown("mcExec3"));
        assertThat(report.instances()).extracting(a -> a.status())
                .containsExactly(AuditStatus.AT_RISK, AuditStatus.CLEAR, AuditStatus.UNKNOWN);

        List<Finding> findings = Finding.toSend(report);

        assertThat(findings).extracting(Finding::kind).containsExactly(Finding.Kind.AT_RISK, Finding.Kind.UNKNOWN);
        assertThat(findings).extracting(Finding::instance).containsExactly("mcExec1", "mcExec3");
        assertThat(findings.get(1).problem()).isEqualTo("HTTP 503");
        assertThat(Finding.toSend(SampleFindings.report(SampleFindings.clear("mcExec2")))).isEmpty();
    }

    @Test
    void onDemandVerdicts_areSentOnlyWhenTheSettingAsks_andOnlyAMatch() {
        assertThat(Finding.toSend(SampleFindings.diagnosis(Verdict.MATCH), false)).isEmpty();
        assertThat(Finding.toSend(SampleFindings.diagnosis(Verdict.MATCH), true))
                .extracting(Finding::kind).containsExactly(Finding.Kind.MATCH);
        assertThat(Finding.toSend(SampleFindings.diagnosis(Verdict.NO_MATCH), true)).isEmpty();
        assertThat(Finding.toSend(SampleFindings.diagnosis(Verdict.INCONCLUSIVE), true)).isEmpty();
    }

    /**
     * Dedup by construction: one audit answer is one message, whatever the number of findings, and the same
     * answer always composes the same message (nothing remembered between runs, nothing to forget).
     */
    @Test
    void oneAuditRun_isOneMessage_andTheSameRunComposesTheSameMessage() {
        var report = SampleFindings.manyAtRisk(3);
        AlertMessage once = text.compose(Finding.toSend(report), 10);
        AlertMessage again = text.compose(Finding.toSend(report), 10);

        assertThat(once.groups()).hasSize(1);
        assertThat(once).isEqualTo(again);
    }

    @Test
    void atRisk_saysWhatHappensHourly_whereToActOnTheControlInstance_theExactChange_andTheCaveatOnce() {
        AlertMessage message = text.compose(Finding.toSend(
                SampleFindings.report(SampleFindings.atRisk("mcExec1"))), 10);

        AlertMessage.Group group = message.groups().get(0);
        assertThat(message.title()).isEqualTo("KA-05406: mcSynch_mcExec1 is at risk");
        assertThat(message.summary()).isEqualTo("1 at risk.");
        assertThat(message.notification()).isEqualTo("KA-05406: mcSynch_mcExec1 at risk, start it at 06:05 (Europe/Paris).");
        assertThat(group.severity()).isEqualTo(Finding.Severity.AT_RISK);
        assertThat(group.heading()).isEqualTo("At risk: mcSynch_mcExec1");
        assertThat(group.what()).isEqualTo("Its 06:00 run (hourly, Europe/Paris) meets the 06:00 restart of execution "
                + "instance mcExec1: its Logon will fail with \"Empty return for method 'Logon' of service "
                + "'xtk:session'\".");
        assertThat(group.where()).isEqualTo("On the control (marketing) instance, in the \"Administration > Production > "
                + "Message Center\" folder: mcSynch_mcExec1, its \"Scheduler\" activity.");
        assertThat(group.change()).isEqualTo("Start at 06:05 (Europe/Paris), keep every 60 min.");
        assertThat(group.why()).isEqualTo("Restart at 06:00 (Europe/Paris), the configured processRestartTime.");
        assertThat(group.workflows()).isNull();
        assertThat(message.caveat()).contains("'tracking' workflow").doesNotContain("\n");
        assertThat(message.toString()).doesNotContain("every day").doesNotContain("No restart URL");
        assertThat(message.kbUrl())
                .isEqualTo("https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-05406");
        assertThat(message.more()).isNull();
    }

    @Test
    void aWorkflowRunningEvery30Min_isShownSo_andKeepsItsFrequency() {
        AlertMessage message = text.compose(Finding.toSend(
                SampleFindings.report(SampleFindings.atRisk("mcExec7", 30))), 10);

        assertThat(message.groups().get(0).what()).contains("Its 06:00 run (every 30 min, Europe/Paris)");
        assertThat(message.groups().get(0).change()).isEqualTo("Start at 06:05 (Europe/Paris), keep every 30 min.");
    }

    @Test
    void unknown_saysWhichUrlFailedAndHow_andWhatToCheck_withNoCaveat() {
        AlertMessage message = text.compose(Finding.toSend(
                SampleFindings.report(SampleFindings.unknown("mcExec3"))), 10);

        AlertMessage.Group group = message.groups().get(0);
        assertThat(group.heading()).isEqualTo("Could not be checked: mcSynch_mcExec3");
        assertThat(group.what()).isEqualTo("The restart time of execution instance mcExec3 could not be read, so "
                + "mcSynch_mcExec3 could not be checked.");
        assertThat(group.change()).startsWith("Check the restart-url of mcExec3: it answered \"HTTP 503\".")
                .contains("allow-list", "auth header", "return the restart time");
        assertThat(group.where()).isNull();
        assertThat(message.caveat()).isNull();
        assertThat(message.notification()).isEqualTo("KA-05406: mcSynch_mcExec3 could not be checked.");
    }

    @Test
    void match_givesTheFailureTimeInTheControlZone_andTheChangeThenARestart() {
        AlertMessage message = text.compose(Finding.toSend(SampleFindings.diagnosis(Verdict.MATCH), true), 10);

        assertThat(message.title()).isEqualTo("KA-05406: mcSynch_mcExec1 failed at the execution server's restart");
        AlertMessage.Group group = message.groups().get(0);
        assertThat(group.severity()).isEqualTo(Finding.Severity.FAILING);
        assertThat(group.what()).isEqualTo("Its Logon failed on 2026-11-22 06:00 (Europe/Paris), at the 06:00 restart of "
                + "execution instance mcExec1; it stays paused until restarted.");
        assertThat(group.change()).isEqualTo("Start at 06:05 (Europe/Paris), keep every 60 min, then restart the workflow.");
        assertThat(message.notification())
                .isEqualTo("KA-05406: mcSynch_mcExec1 failed, start it at 06:05 (Europe/Paris) and restart it.");
    }

    @Test
    void twelveFindings_areFourGroups_failingFirst_theOddAtRiskBeforeTheList_unknownLast_oneCaveat() {
        List<Finding> findings = new ArrayList<>(Finding.toSend(SampleFindings.diagnosis(Verdict.MATCH), true));
        findings.addAll(Finding.toSend(SampleFindings.manyAtRisk(9)));
        findings.addAll(Finding.toSend(SampleFindings.report(SampleFindings.unknown("mcExecB"),
                SampleFindings.atRisk("mcExecH", 30))));

        AlertMessage message = text.compose(findings, 10);

        assertThat(message.groups()).extracting(AlertMessage.Group::heading).containsExactly(
                "Failing: mcSynch_mcExec1", "At risk: mcSynch_mcExecH", "At risk: 9 mcSynch workflows",
                "Could not be checked: mcSynch_mcExecB");
        AlertMessage.Group list = message.groups().get(2);
        assertThat(list.workflows()).startsWith("mcSynch_mcExec1, mcSynch_mcExec2, ").endsWith("mcSynch_mcExec9");
        assertThat(list.change()).isEqualTo("For each: start at 06:05 (Europe/Paris), keep every 60 min.");
        assertThat(list.where()).contains("folder: each workflow listed, its \"Scheduler\" activity.");
        assertThat(list.what()).startsWith("The 06:00 run (hourly, Europe/Paris) of each meets the 06:00 restart");
        assertThat(message.summary()).isEqualTo("1 failing, 10 at risk, 1 could not be checked.");
        assertThat(message.notification()).isEqualTo("KA-05406: 12 mcSynch workflows need attention: 1 failing, 10 at "
                + "risk, 1 could not be checked.");
        assertThat(message.caveat()).isNotNull();
        assertThat(message.more()).isNull();
    }

    @Test
    void groupsThatDoNotFit_areNamed_noneDroppedSilently() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            findings.addAll(Finding.toSend(SampleFindings.report(SampleFindings.unknown("mcExec" + i))));
        }

        AlertMessage message = text.compose(findings, 2);

        assertThat(message.groups()).hasSize(2);
        assertThat(message.more()).isEqualTo("…and 2 more: mcSynch_mcExec3 (could not be checked), mcSynch_mcExec4 "
                + "(could not be checked).");
    }

    @Test
    void aVeryLongList_namesFiftyAndCountsTheRest() {
        AlertMessage message = text.compose(Finding.toSend(SampleFindings.manyAtRisk(60)), 10);

        assertThat(message.groups()).hasSize(1);
        assertThat(message.groups().get(0).heading()).isEqualTo("At risk: 60 mcSynch workflows");
        assertThat(message.groups().get(0).workflows()).contains("mcSynch_mcExec50").doesNotContain("mcSynch_mcExec51")
                .endsWith(", 10 more");
    }
}
