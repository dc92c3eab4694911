package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.campaign.CampaignJournal;
import com.campaignops.ka05406.campaign.CampaignJournal.Line;
import com.campaignops.ka05406.campaign.CampaignWorkflow;
import com.campaignops.ka05406.diagnosis.Diagnoser;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.diagnosis.WorkflowPattern;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep's own sentences in the configured language; machine values (states, statuses, HH:mm, zones) as they are. */
class LocalizedSweepTest {

    /** English words of the sweep's sentences: in a French or Japanese report, an English leftover. */
    private static final Pattern ENGLISH = Pattern.compile("(?i)\\b(the|and|which|could|would|its|failed with|runs?"
            + "|days|within|window|restart|journal shows|cadence from|audit of|lookback|since|stays paused|every"
            + "|explains|of them|no run|history)\\b");
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NOW = Instant.parse("2024-06-14T07:15:00Z");
    private static final RestartSchedule SIX_UTC = new RestartSchedule(LocalTime.of(6, 0), UTC);
    private static final String SIGNATURE = "Empty return for method 'Logon' of service 'xtk:session'.";
    private static final CampaignWorkflow FAILED = new CampaignWorkflow(1, "mcSynch_mcExec1", 13, true,
            Instant.parse("2024-06-14T06:00:01Z"));

    private final Runs runs = new Runs(Duration.ofMinutes(10));
    private final SweepRules rules = new SweepRules(DiagnosisRules.DEFAULT, runs, 3);
    private final Diagnoser diagnoser = new Diagnoser(DiagnosisRules.DEFAULT, new WorkflowPattern(List.of("mcSynch_*")));

    private BiFunction<Notification, RestartSchedule, Diagnosis> core(RestartFetch fetch, Messages messages) {
        return (notification, schedule) -> {
            Diagnoser.Triage triage = diagnoser.triage(notification, messages);
            if (triage instanceof Diagnoser.Triage.NeedsRestartTime needs) {
                return diagnoser.decide(needs.candidate(), fetch, schedule, UTC, WorkflowSchedule.ADOBE_DEFAULT, messages);
            }
            return ((Diagnoser.Triage.Settled) triage).diagnosis();
        };
    }

    /** Hourly runs at :00 over the last 7 days, the signature at {@code hour}:00 UTC on the last {@code days} days. */
    private static CampaignJournal hourly(int hour, int days) {
        List<Line> lines = new ArrayList<>();
        Instant start = NOW.minus(Duration.ofDays(7)).truncatedTo(ChronoUnit.HOURS);
        for (Instant t = start; t.isBefore(NOW); t = t.plus(Duration.ofHours(1))) {
            lines.add(new Line(t.plusSeconds(1), 2, "Workflow 'mcSynch_mcExec1' is being run"));
            boolean failing = t.atZone(UTC).getHour() == hour && Duration.between(t, NOW).toDays() < days;
            lines.add(new Line(t.plusSeconds(3), failing ? 0 : 2,
                    failing ? SIGNATURE : "Transactional deliveries synchronized"));
        }
        return new CampaignJournal(lines, true);
    }

    private WorkflowReport report(Language language, RestartFetch fetch, int hour) {
        Messages messages = Messages.of(language);
        SweepRules.Findings findings = rules.read("mcSynch_mcExec1", "mcExec1", hourly(hour, 5), NOW,
                Duration.ofHours(25), 7, SIX_UTC, UTC, core(fetch, messages),
                fetch instanceof RestartFetch.Unavailable, messages);
        InstanceAudit audit = new InstanceAudit("mcExec1", "mcSynch_mcExec1", AuditStatus.AT_RISK, null, null,
                "every 60 min from 00:00", "06:00", List.of(), null, null);
        return rules.report(FAILED, "mcExec1", findings, audit, null, messages);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"FR", "JA"})
    void theSweepsSentences_haveNoEnglishLeft_andKeepTheMachineValues(Language language) {
        WorkflowReport atRestart = report(language, new RestartFetch.NotConfigured("none"), 6);
        WorkflowReport daily = report(language, new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "timeout"), 3);

        List<String> sentences = new ArrayList<>(atRestart.evidence());
        sentences.addAll(daily.evidence());
        sentences.add(atRestart.cadence().description());
        Diagnosis match = daily.failures().get(daily.failures().size() - 1);
        assertThat(match.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(match.language()).isEqualTo(language.tag());
        sentences.addAll(match.evidence().subList(match.evidence().size() - 1, match.evidence().size()));
        sentences.add(SweepRules.unknown("mcSynch_mcExec2", "mcExec2", null, "HTTP 503", Messages.of(language))
                .evidence().get(0));
        for (String sentence : sentences) {
            assertThat(sentence.replace(SIGNATURE, "").replace("max-lines", ""))
                    .as("%s: %s", language, sentence).doesNotContainPattern(ENGLISH);
        }
        assertThat(String.join("\n", atRestart.evidence())).contains("mcSynch_mcExec1", "failed",
                "2024-06-14T06:00:01Z", "AT_RISK", "06:00", "06:00:00 UTC", "mcExec1");
        assertThat(match.evidence().get(match.evidence().size() - 1)).contains("03:00", "UTC", "processRestartTime");
        assertThat(atRestart.recurrence().localTimes()).containsExactly("06:00");
        assertThat(atRestart.cadence().firstRun()).isEqualTo("00:00");
    }

    @Test
    void englishReadsAsBefore() {
        WorkflowReport report = report(Language.EN, new RestartFetch.NotConfigured("none"), 6);

        assertThat(report.evidence()).containsExactly(
                "Workflow mcSynch_mcExec1 is failed since its last start at 2024-06-14T06:00:01Z: mcSynch stays paused "
                        + "after a failure until someone restarts it.",
                "The journal holds more lines than max-lines: only the newest 338 were read.",
                "Failed with the signature at 06:00 (UTC) on 5 of the last 7 days, each time within the window of "
                        + "that day's scheduled restart (processRestartTime 06:00:00 UTC).",
                "Cadence from the journal: every 60 min at :00, from 169 runs (UTC).",
                "1 run(s) failed within the lookback; 1 of them KA-05406.",
                "Audit of instance mcExec1: AT_RISK (the run at 06:00 starts in the restart window).");
        assertThat(Cadence.infer(List.of(NOW, NOW.plusSeconds(1800), NOW.plusSeconds(3600)), UTC,
                Messages.of(Language.FR)).orElseThrow().description())
                .isEqualTo("toutes les 30 min à partir de 00:15, d'après 3 exécutions");
    }
}
