package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.diagnosis.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What is sent and when (FindingSources), and what the one message says (AlertText via AlertComposer). */
class AlertMessageTest {

    private final AlertComposer composer = new AlertComposer(AlertText.english());

    @Test
    void scheduledAudit_sendsAtRiskAndUnknown_neverClear_evenWithoutTheOnDemandSetting() {
        var report = SampleFindings.report(SampleFindings.atRisk("mcExec1"), SampleFindings.clear("mcExec2"),
                SampleFindings.unknown("mcExec3"));
        assertThat(report.instances()).extracting(a -> a.status())
                .containsExactly(AuditStatus.AT_RISK, AuditStatus.CLEAR, AuditStatus.UNKNOWN);

        List<Finding> findings = FindingSources.toSend(report, false);

        assertThat(findings).extracting(Finding::kind).containsExactly(Finding.Kind.AT_RISK, Finding.Kind.UNKNOWN);
        assertThat(findings).extracting(Finding::instance).containsExactly("mcExec1", "mcExec3");
        assertThat(FindingSources.toSend(SampleFindings.report(SampleFindings.clear("mcExec2")), true)).isEmpty();
    }

    @Test
    void onDemandVerdicts_areSentOnlyWhenTheSettingAsks_andOnlyAMatch() {
        assertThat(FindingSources.toSend(SampleFindings.diagnosis(Verdict.MATCH), false)).isEmpty();
        assertThat(FindingSources.toSend(SampleFindings.diagnosis(Verdict.MATCH), true))
                .extracting(Finding::kind).containsExactly(Finding.Kind.MATCH);
        assertThat(FindingSources.toSend(SampleFindings.diagnosis(Verdict.NO_MATCH), true)).isEmpty();
        assertThat(FindingSources.toSend(SampleFindings.diagnosis(Verdict.INCONCLUSIVE), true)).isEmpty();
        assertThat(FindingSources.toSend("an error body", true)).isEmpty();
    }

    /**
     * Dedup by construction: one audit answer is one message, whatever the number of findings, and the same
     * answer always composes the same message (nothing remembered between runs, nothing to forget).
     */
    @Test
    void oneAuditRun_isOneMessage_andTheSameRunComposesTheSameMessage() {
        var report = SampleFindings.manyAtRisk(3);
        AlertMessage once = composer.compose(FindingSources.toSend(report, false), 10);
        AlertMessage again = composer.compose(FindingSources.toSend(report, false), 10);

        assertThat(once.items()).hasSize(3);
        assertThat(once).isEqualTo(again);
    }

    @Test
    void atRiskMessage_saysWhichWorkflowWhereWhenWhy_theExactFix_theCaveat_andLinksTheArticle() {
        AlertMessage message = composer.compose(FindingSources.toSend(
                SampleFindings.report(SampleFindings.atRisk("mcExec1")), false), 10);

        AlertMessage.Item item = message.items().get(0);
        assertThat(message.title()).isEqualTo("KA-05406: 1 mcSynch workflow needs attention");
        assertThat(message.summary()).isEqualTo("1 at risk.");
        assertThat(message.oneLine()).isEqualTo("KA-05406: 1 mcSynch workflow needs attention: 1 at risk.");
        assertThat(item.heading()).isEqualTo("mcSynch_mcExec1 on mcExec1: at risk");
        assertThat(item.verdict()).isEqualTo("Its run at 06:00 (Europe/Paris) starts inside the restart window of "
                + "mcExec1 (restart at 06:00): its Logon will fail with \"Empty return for method 'Logon' of service "
                + "'xtk:session'\".");
        assertThat(item.facts()).containsExactly(new AlertMessage.Fact("Workflow", "mcSynch_mcExec1"),
                new AlertMessage.Fact("Instance", "mcExec1"),
                new AlertMessage.Fact("When", "every day at 06:00, restart at 06:00 (Europe/Paris)"));
        assertThat(item.fix()).isEqualTo("Move the scheduler of mcSynch_mcExec1 to start at 06:05 (Europe/Paris), "
                + "5 min after the restart.");
        assertThat(item.caveat()).contains("'tracking' workflow");
        assertThat(item.evidence()).isNotEmpty().allMatch(e -> !e.isBlank());
        assertThat(message.kbUrl())
                .isEqualTo("https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-05406");
        assertThat(message.more()).isNull();
    }

    @Test
    void unknownMessage_saysTheInstanceCouldNotBeChecked_inTheControlZone() {
        AlertMessage message = composer.compose(FindingSources.toSend(
                SampleFindings.report(SampleFindings.unknown("mcExec3")), false), 10);

        AlertMessage.Item item = message.items().get(0);
        assertThat(item.verdict()).isEqualTo("The restart time of mcExec3 could not be read, so mcSynch_mcExec3 could "
                + "not be checked against it.");
        assertThat(item.facts()).contains(new AlertMessage.Fact("When", "checked 2026-11-22 08:15 (Europe/Paris)"));
        assertThat(item.evidence()).anyMatch(e -> e.contains("HTTP 503"));
    }

    @Test
    void matchMessage_givesTheFailureTimeInTheControlZone_andTheFix() {
        AlertMessage message = composer.compose(FindingSources.toSend(SampleFindings.diagnosis(Verdict.MATCH), true), 10);

        assertThat(message.title()).isEqualTo("KA-05406: mcSynch_mcExec1 failed at the execution server's restart");
        assertThat(message.items().get(0).verdict()).isEqualTo("Its Logon failed at 06:00 because it ran into the "
                + "execution server's restart at 06:00.");
        assertThat(message.items().get(0).facts()).contains(new AlertMessage.Fact("When", "failed 2026-11-22 06:00 (Europe/Paris)"));
        assertThat(message.items().get(0).fix()).contains("06:05 (Europe/Paris)");
    }

    @Test
    void manyFindings_areSummarised_andEveryOneNotShownIsNamed_noneDroppedSilently() {
        List<Finding> findings = FindingSources.toSend(SampleFindings.manyAtRisk(22), false);

        AlertMessage message = composer.compose(findings, 10);

        assertThat(message.items()).hasSize(10);
        assertThat(message.summary()).isEqualTo("22 at risk.");
        assertThat(message.more()).startsWith("…and 12 more: mcSynch_mcExec11 (at risk), ");
        for (int i = 11; i <= 22; i++) {
            assertThat(message.more()).contains("mcSynch_mcExec" + i + " (at risk)");
        }
    }

    @Test
    void longEvidence_showsTheKeyLines_andCountsTheRest() {
        Finding finding = new Finding(Finding.Kind.UNKNOWN, "mcSynch_x", "x", SampleFindings.NOW, "UTC", null, null,
                List.of("one", "two", "three", "four", "five"), null);

        AlertMessage.Item item = composer.compose(List.of(finding), 1).items().get(0);

        assertThat(item.evidence()).containsExactly("one", "two", "three", "… 2 more in the report.");
    }
}
