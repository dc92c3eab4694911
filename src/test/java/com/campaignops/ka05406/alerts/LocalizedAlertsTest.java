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
import com.campaignops.ka05406.notification.WorkflowNames;
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
            + "|evidence|caveat|open|report|because|inside|window|control|keep|hourly|each|where|check|listed|meets)\\b");
    /** The restart source's own words, quoted as they are in the evidence (not a sentence of ours). */
    private static final String SOURCE_REASON = "No restart URL";
    private static final Auditor AUDITOR = new Auditor(DiagnosisRules.DEFAULT, WorkflowNames.DEFAULT);
    private static final RestartSchedule SIX_AM_PARIS = new RestartSchedule(LocalTime.of(6, 0), SampleFindings.PARIS);

    /** Each kind of finding, the audit's made in {@code language} as a scheduled audit in that language would be. */
    private static List<Finding> findings(Language language) {
        Messages messages = Messages.of(language);
        InstanceAudit atRisk = AUDITOR.audit("mcExec1", new RestartFetch.NotConfigured(SOURCE_REASON), SIX_AM_PARIS,
                WorkflowSchedule.ADOBE_DEFAULT, SampleFindings.PARIS, SampleFindings.NOW, messages);
        InstanceAudit unknown = AUDITOR.audit("mcExec3", new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "HTTP 503"),
                SIX_AM_PARIS, WorkflowSchedule.ADOBE_DEFAULT, SampleFindings.PARIS, SampleFindings.NOW, messages);
        List<Finding> findings = new ArrayList<>(Finding.toSend(
                new AuditReport(Diagnosis.KNOWN_ISSUE, SampleFindings.NOW, List.of(atRisk, unknown), "en")));
        Finding match = Finding.toSend(SampleFindings.diagnosis(Verdict.MATCH), true).get(0);
        findings.add(new Finding(match.kind(), match.workflow(), match.instance(), match.at(), match.zone(), match.run(),
                match.restartAt(), RestartSource.SCHEDULE, null, List.of(), atRisk.recommendation()));
        findings.add(new Finding(Finding.Kind.CAMPAIGN_UNREADABLE, "mcSynch_mcExec5", null, SampleFindings.NOW,
                "Europe/Paris", null, null, null, "XSV-350012", List.of(), null));
        return findings;
    }

    /** Every string a person reads in the message. */
    private static List<String> texts(AlertMessage message) {
        List<String> texts = new ArrayList<>(List.of(message.title(), message.notification(), message.summary(),
                message.labels().workflows(), message.labels().where(), message.labels().change(),
                message.labels().why(), message.labels().kbLink()));
        if (message.caveat() != null) {
            texts.add(message.caveat());
        }
        if (message.more() != null) {
            texts.add(message.more());
        }
        for (AlertMessage.Group group : message.groups()) {
            texts.add(group.heading());
            texts.add(group.what());
            texts.add(group.change());
            if (group.where() != null) {
                texts.add(group.where());
            }
            if (group.why() != null) {
                texts.add(group.why());
            }
            if (group.workflows() != null) {
                texts.add(group.workflows());
            }
        }
        return texts;
    }

    /**
     * The alert's language, not the report's: an English audit (its caveat and evidence in English) alerted in French
     * or Japanese has no English sentence left, caveat and "why" included.
     */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"FR", "JA"})
    void anAlertInFrenchOrJapanese_ofAnEnglishReport_hasNoEnglishSentenceLeft(Language language) {
        List<Finding> findings = findings(Language.EN);
        List<Finding> many = new ArrayList<>(findings);
        many.addAll(Finding.toSend(SampleFindings.manyAtRisk(5)));
        AlertText alertText = new AlertText(language);

        for (AlertMessage message : List.of(alertText.compose(findings, 10), alertText.compose(findings, 1),
                alertText.compose(many, 10), alertText.compose(findings.subList(2, 3), 1))) {
            for (String text : texts(message)) {
                // Campaign's own message, the source's reason and the setting names are quoted as they are.
                String sentence = text.replace(AlertText.LOGON_ERROR, "").replace("HTTP 503", "")
                        .replaceAll("mcSynch_\\w+|mcExec\\w+|Europe/Paris|Message Center|xtk:\\w+|restart-url"
                                + "|processRestartTime|KA-05406|Logon|XSV-\\d+", "");
                assertThat(sentence).as("%s: %s", language, text).doesNotContainPattern(ENGLISH);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"FR", "JA", "DE", "SV", "IT", "EN_US"})
    void theMachineFieldsAreTheSameInEveryLanguage(Language language) {
        List<Finding> findings = findings(Language.EN);
        AlertMessage local = new AlertText(language).compose(findings, 10);

        assertThat(local.kbUrl()).isEqualTo(AlertText.KB_URL);
        assertThat(local.groups()).hasSize(findings.size());
        String all = String.join("\n", texts(local));
        for (Finding f : findings) {
            assertThat(all).contains(f.workflow());
            if (f.fix() != null) {
                assertThat(all).contains(f.fix().schedulerStart(), f.fix().timeZone(), "60");
            }
        }
        assertThat(all).contains("mcExec1", "mcExec3", "HTTP 503", "xtk:workflow", "xtk:workflowLog", "restart-url",
                "Empty return for method 'Logon' of service 'xtk:session'");
        assertThat(local.title()).startsWith("KA-05406");
    }

    @Test
    void enUsReadsTheRestartOnTheTwelveHourClock_theNewStartAsTheSchedulerShowsIt() {
        AlertMessage us = new AlertText(Language.EN_US).compose(findings(Language.EN), 10);

        AlertMessage.Group atRisk = us.groups().stream().filter(g -> g.severity() == Finding.Severity.AT_RISK)
                .findFirst().orElseThrow();
        assertThat(atRisk.what()).contains("Its 06:00 run (hourly, Europe/Paris) meets the 6:00 AM restart");
        assertThat(atRisk.change()).isEqualTo("Start at 06:05 (Europe/Paris), keep every 60 min.");
    }

    @Test
    void aJapaneseAlert_readsAsJapanese() {
        AlertMessage message = new AlertText(Language.JA).compose(findings(Language.JA).subList(0, 1), 10);

        assertThat(message.title()).isEqualTo("KA-05406：mcSynch_mcExec1 にリスクがあります");
        assertThat(message.summary()).isEqualTo("リスクあり 1 件。");
        assertThat(message.groups().get(0).heading()).isEqualTo("リスクあり：mcSynch_mcExec1");
        assertThat(message.groups().get(0).change()).isEqualTo("開始を 06:05（Europe/Paris）にし、60 分ごとの間隔は維持してください。");
        assertThat(message.labels().change()).isEqualTo("対処：");
    }

    @Test
    void aFrenchAlert_putsANoBreakSpaceBeforeItsColons() {
        AlertMessage message = new AlertText(Language.FR).compose(findings(Language.EN), 10);

        assertThat(message.labels().change()).isEqualTo("Correctif\u00a0:");
        assertThat(String.join(" ", texts(message))).doesNotContain(" :", " ;", "« ", " »");
    }

    @Test
    void eachChannelMayHaveItsOwnLanguage_elseTheAlertsOne_elseTheGeneralOne_elseEnglish() {
        AlertsConfig config = config(Optional.of("fr-CA"), Optional.empty(), Optional.of("ja"), Optional.empty());
        assertThat(languageOf(config, ChannelName.SLACK, "de")).isEqualTo(Language.FR);
        assertThat(languageOf(config, ChannelName.TEAMS, "de")).isEqualTo(Language.JA);
        assertThat(languageOf(config, ChannelName.WEBHOOK, "de")).isEqualTo(Language.FR);

        AlertsConfig none = config(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("sv-SE"));
        assertThat(languageOf(none, ChannelName.WEBHOOK, "it")).isEqualTo(Language.SV);
        assertThat(languageOf(none, ChannelName.SLACK, "it")).isEqualTo(Language.IT);
        assertThat(languageOf(none, ChannelName.TEAMS, null)).isEqualTo(Language.EN);
        assertThat(languageOf(config(Optional.of("xx"), Optional.empty(), Optional.empty(), Optional.empty()),
                ChannelName.SLACK, "it")).isEqualTo(Language.EN);
    }

    @Test
    void theDispatcher_writesEachChannelsMessageInThatChannelsLanguage() {
        AlertsConfig config = config(Optional.of("de"), Optional.empty(), Optional.of("ja"), Optional.of("fr-CA"));
        List<Finding> findings = findings(Language.EN).subList(0, 1);

        Map<ChannelName, AlertText> texts = AlertDispatcher.texts(config,
                List.of(ChannelName.SLACK, ChannelName.TEAMS, ChannelName.WEBHOOK), "it");

        assertThat(texts.get(ChannelName.SLACK).compose(findings, 10).summary()).isEqualTo("1 gefährdet.");
        assertThat(texts.get(ChannelName.TEAMS).compose(findings, 10).summary()).isEqualTo("リスクあり 1 件。");
        assertThat(texts.get(ChannelName.WEBHOOK).compose(findings, 10).title())
                .isEqualTo("KA-05406\u00a0: mcSynch_mcExec1 est à risque");
        Map<ChannelName, AlertText> english = AlertDispatcher.texts(
                config(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), List.of(ChannelName.SLACK),
                null);
        assertThat(english.get(ChannelName.SLACK).compose(findings, 10))
                .isEqualTo(new AlertText(Language.EN).compose(findings, 10));
        assertThat(english).containsOnlyKeys(ChannelName.SLACK);
    }

    private static Language languageOf(AlertsConfig config, ChannelName channel, String general) {
        return AlertText.choose(channel.settings(config).language().orElse(null), config.language().orElse(null),
                general);
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
