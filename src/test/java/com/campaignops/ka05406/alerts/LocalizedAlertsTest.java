package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.reflect.Proxy;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Alerts in the reader's language: every sentence translated, every machine field as it is; per channel. */
class LocalizedAlertsTest {

    /** English words and phrases of the alert sentences: any of them in a French or Japanese alert is a leftover. */
    private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|and|which|could|would|its|needs?"
            + "|at risk|every day|restart|checked|failed|failing|move|scheduler|start|after|more|unknown|when|fix"
            + "|evidence|caveat|open|report|because|inside|window|control)\\b");
    /** The restart source's own words, quoted as they are in the evidence (not a sentence of ours). */
    private static final String SOURCE_REASON = "No restart URL";
    private static final Auditor AUDITOR = new Auditor(DiagnosisRules.DEFAULT);
    private static final RestartSchedule SIX_AM_PARIS = new RestartSchedule(LocalTime.of(6, 0), SampleFindings.PARIS);

    /** Each kind of finding, the audit's made in {@code language} as a scheduled audit in that language would be. */
    private static List<Finding> findings(Language language) {
        Messages messages = Messages.of(language);
        InstanceAudit atRisk = AUDITOR.audit("mcExec1", new RestartFetch.NotConfigured(SOURCE_REASON), SIX_AM_PARIS,
                WorkflowSchedule.ADOBE_DEFAULT, SampleFindings.PARIS, SampleFindings.NOW, messages);
        InstanceAudit unknown = AUDITOR.audit("mcExec3", new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "HTTP 503"),
                SIX_AM_PARIS, WorkflowSchedule.ADOBE_DEFAULT, SampleFindings.PARIS, SampleFindings.NOW, messages);
        List<Finding> findings = new ArrayList<>(FindingSources.toSend(
                new AuditReport(Diagnosis.KNOWN_ISSUE, SampleFindings.NOW, List.of(atRisk, unknown)), false));
        Finding match = FindingSources.toSend(SampleFindings.diagnosis(Verdict.MATCH), true).get(0);
        findings.add(new Finding(match.kind(), match.workflow(), match.instance(), match.at(), match.zone(), match.run(),
                match.restartAt(), List.of(), atRisk.recommendation()));
        findings.add(new Finding(Finding.Kind.FAILING, "mcSynch_mcExec4", "mcExec4", match.at(), "Europe/Paris", null,
                match.restartAt(), List.of(), atRisk.recommendation()));
        findings.add(new Finding(Finding.Kind.CAMPAIGN_UNREADABLE, "mcSynch_mcExec5", null, SampleFindings.NOW,
                "Europe/Paris", null, null, List.of(), null));
        return findings;
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"FR", "JA"})
    void anAlertInFrenchOrJapanese_hasNoEnglishSentenceLeft(Language language) {
        List<Finding> findings = findings(language);
        AlertComposer composer = new AlertComposer(AlertText.of(language));

        for (AlertMessage message : List.of(composer.compose(findings, 10), composer.compose(findings, 1),
                composer.compose(findings.subList(2, 3), 1))) {
            List<String> texts = new ArrayList<>(List.of(message.title(), message.summary(), message.oneLine(),
                    message.labels().evidence(), message.labels().fix(), message.labels().caveat(),
                    message.labels().kbLink()));
            if (message.more() != null) {
                texts.add(message.more());
            }
            for (AlertMessage.Item item : message.items()) {
                texts.add(item.heading());
                texts.add(item.verdict());
                item.facts().forEach(fact -> {
                    texts.add(fact.label());
                    if (!fact.label().equals(AlertText.of(language).workflowLabel())) {
                        texts.add(fact.value());
                    }
                });
                texts.addAll(item.evidence());
                if (item.fix() != null) {
                    texts.add(item.fix());
                }
                if (item.caveat() != null) {
                    texts.add(item.caveat());
                }
            }
            for (String text : texts) {
                // Campaign's own message is quoted as it is, in every language; the KB's name and the product's too.
                String sentence = text.replace(AlertText.LOGON_ERROR, "").replace(SOURCE_REASON, "")
                        .replaceAll("mcSynch_\\w+|mcExec\\d|Europe/Paris|Adobe Experience League|xtk:\\w+", "");
                assertThat(sentence).as("%s: %s", language, text).doesNotContainPattern(ENGLISH);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"FR", "JA", "DE", "SV", "IT", "EN_US"})
    void theMachineFieldsAreTheSameInEveryLanguage(Language language) {
        List<Finding> findings = findings(Language.EN);
        AlertMessage english = new AlertComposer(AlertText.english()).compose(findings, 10);
        AlertMessage local = new AlertComposer(AlertText.of(language)).compose(findings, 10);

        assertThat(local.kbUrl()).isEqualTo(english.kbUrl()).isEqualTo(AlertText.KB_URL);
        assertThat(local.items()).hasSameSizeAs(english.items());
        for (int i = 0; i < english.items().size(); i++) {
            AlertMessage.Item e = english.items().get(i);
            AlertMessage.Item l = local.items().get(i);
            Finding f = findings.get(i);
            assertThat(l.facts().get(0).value()).isEqualTo(e.facts().get(0).value()).isEqualTo(f.workflow());
            assertThat(l.heading()).contains(f.workflow());
            if (f.instance() != null) {
                assertThat(l.facts().get(1).value()).isEqualTo(f.instance());
            }
            assertThat(l.evidence()).isEqualTo(e.evidence());
            assertThat(l.caveat()).isEqualTo(e.caveat());
            if (f.fix() != null) {
                assertThat(l.fix()).contains(f.fix().schedulerStart(), f.fix().timeZone(), f.workflow());
            }
        }
        AlertMessage.Item atRisk = local.items().get(0);
        assertThat(atRisk.verdict()).contains("06:00", "Europe/Paris", "mcExec1",
                "Empty return for method 'Logon' of service 'xtk:session'");
        assertThat(local.items().get(4).fix()).contains("xtk:workflow", "xtk:workflowLog");
        assertThat(local.title()).startsWith("KA-05406");
    }

    @Test
    void englishIsTheSameAsBefore_andEnUsReadsTheRestartOnTheTwelveHourClock() {
        List<Finding> findings = findings(Language.EN);
        AlertMessage us = new AlertComposer(AlertText.of(Language.EN_US)).compose(findings, 10);

        assertThat(us.items().get(0).verdict()).contains("Its run at 06:00 (Europe/Paris)", "(restart at 6:00 AM)");
        assertThat(us.items().get(0).facts().get(2).value())
                .isEqualTo("every day at 06:00, restart at 6:00 AM (Europe/Paris)");
        assertThat(us.items().get(0).fix()).contains("to start at 06:05 (Europe/Paris)");
        assertThat(new AlertComposer(AlertText.of(Language.EN)).compose(findings, 10))
                .isEqualTo(new AlertComposer(AlertText.english()).compose(findings, 10));
    }

    @Test
    void aJapaneseAlert_readsAsJapanese() {
        AlertMessage message = new AlertComposer(AlertText.of(Language.JA)).compose(findings(Language.JA).subList(0, 1), 10);

        assertThat(message.title()).isEqualTo("KA-05406：対応が必要な mcSynch ワークフローが 1 件あります");
        assertThat(message.summary()).isEqualTo("リスクあり 1 件。");
        assertThat(message.items().get(0).fix())
                .isEqualTo("mcSynch_mcExec1 のスケジューラーの開始時刻を 06:05（Europe/Paris）、つまり再起動の 5 分後に変更してください。");
    }

    @Test
    void eachChannelMayHaveItsOwnLanguage_elseTheAlertsOne_elseTheGeneralOne_elseEnglish() {
        AlertsConfig config = config(Optional.of("fr-CA"), Optional.empty(), Optional.of("ja"), Optional.empty());
        assertThat(AlertLanguages.of(config, "slack", "de")).isEqualTo(Language.FR);
        assertThat(AlertLanguages.of(config, "teams", "de")).isEqualTo(Language.JA);
        assertThat(AlertLanguages.of(config, "webhook", "de")).isEqualTo(Language.FR);

        AlertsConfig none = config(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("sv-SE"));
        assertThat(AlertLanguages.of(none, "webhook", "it")).isEqualTo(Language.SV);
        assertThat(AlertLanguages.of(none, "slack", "it")).isEqualTo(Language.IT);
        assertThat(AlertLanguages.of(none, "teams", null)).isEqualTo(Language.EN);
        assertThat(AlertLanguages.of(config(Optional.of("xx"), Optional.empty(), Optional.empty(), Optional.empty()),
                "slack", "it")).isEqualTo(Language.EN);
    }

    @Test
    void theDispatcher_writesEachChannelsMessageInThatChannelsLanguage() {
        AlertsConfig config = config(Optional.of("de"), Optional.empty(), Optional.of("ja"), Optional.of("fr-CA"));
        List<Finding> findings = findings(Language.EN).subList(0, 1);

        Map<String, AlertComposer> composers = AlertDispatcher.composers(config, List.of("slack", "teams", "webhook"), "it");

        assertThat(composers.get("slack").compose(findings, 10).summary()).isEqualTo("1 gefährdet.");
        assertThat(composers.get("teams").compose(findings, 10).summary()).isEqualTo("リスクあり 1 件。");
        assertThat(composers.get("webhook").compose(findings, 10).title())
                .isEqualTo("KA-05406\u00a0: 1 workflow mcSynch demande votre attention");
        Map<String, AlertComposer> english = AlertDispatcher.composers(
                config(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), List.of("slack"), null);
        assertThat(english.get("slack").compose(findings, 10)).isEqualTo(new AlertComposer(AlertText.english())
                .compose(findings, 10));
        assertThat(english).containsOnlyKeys("slack");
    }

    private static AlertsConfig config(Optional<String> alerts, Optional<String> slack, Optional<String> teams,
                                       Optional<String> webhook) {
        return proxy(AlertsConfig.class, Map.of("language", alerts,
                "slack", proxy(AlertsConfig.Channel.class, Map.of("language", slack)),
                "teams", proxy(AlertsConfig.Channel.class, Map.of("language", teams)),
                "webhook", proxy(AlertsConfig.SignedChannel.class, Map.of("language", webhook))));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, ?> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getReturnType() == Optional.class ? Optional.empty() : null);
    }
}
