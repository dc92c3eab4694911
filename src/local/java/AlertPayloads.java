import com.campaignops.ka05406.alerts.AlertText;
import com.campaignops.ka05406.alerts.Finding;
import com.campaignops.ka05406.alerts.SlackChannel;
import com.campaignops.ka05406.alerts.TeamsChannel;
import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.Recommendation;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.sweep.SweepPeriod;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.sweep.SweepStatus;
import com.campaignops.ka05406.sweep.WorkflowReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the exact Slack and Teams request bodies the function would send for a sample scheduled sweep, without
 * sending anything and without any configuration: the same classes build them as in Lambda. Run by
 * {@code ./invoke --alert-payloads [N] [--out DIR]}: N findings (default 1), control zone Europe/Paris, restart
 * 06:00. One: an instance at risk. Two: and one that could not be checked. Three or more: one mcSynch workflow
 * failing, N - 3 identical instances at risk (hourly), one at risk every 30 min, one that could not be checked.
 * The language follows the settings as in Lambda: {@code restart-check.alerts.slack.language} (Teams: {@code
 * …teams.language}), else {@code restart-check.alerts.language}, else {@code restart-check.language}, each as a
 * system property or its environment variable ({@code RESTART_CHECK_ALERTS_LANGUAGE=fr}). With {@code --out DIR}
 * the bodies are also written to {@code DIR/slack.json} and {@code DIR/teams.json}.
 */
public class AlertPayloads {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-11-22T07:15:00Z");

    public static void main(String[] args) throws Exception {
        int count = 1;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[++i]);
            } else {
                count = Math.max(1, Integer.parseInt(args[i]));
            }
        }
        String general = setting("restart-check.language");
        Messages reportLanguage = Messages.of(general == null ? Language.EN : Language.ofTag(general));
        List<Finding> findings = Finding.toSend(sweep(count, reportLanguage));

        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        Language slackLanguage = AlertText.choose(setting("restart-check.alerts.slack.language"),
                setting("restart-check.alerts.language"), general);
        Language teamsLanguage = AlertText.choose(setting("restart-check.alerts.teams.language"),
                setting("restart-check.alerts.language"), general);
        byte[] slack = new SlackChannel(mapper, 10).body(new AlertText(slackLanguage), findings, null);
        byte[] teams = new TeamsChannel(mapper, 10).body(new AlertText(teamsLanguage), findings, null);
        ObjectMapper pretty = new ObjectMapper();
        System.out.println("# Slack (POST to the incoming-webhook URL), " + slack.length + " bytes, " + slackLanguage.tag());
        System.out.println(pretty.writerWithDefaultPrettyPrinter().writeValueAsString(pretty.readTree(slack)));
        System.out.println("# Teams (POST to the Workflows webhook URL), " + teams.length + " bytes, " + teamsLanguage.tag());
        System.out.println(pretty.writerWithDefaultPrettyPrinter().writeValueAsString(pretty.readTree(teams)));
        if (out != null) {
            Files.createDirectories(out);
            Files.write(out.resolve("slack.json"), slack);
            Files.write(out.resolve("teams.json"), teams);
        }
        System.out.flush();
        System.exit(0);
    }

    /** A sweep report with {@code count} findings, its sentences in {@code messages}. */
    private static SweepReport sweep(int count, Messages messages) {
        Auditor auditor = new Auditor(DiagnosisRules.DEFAULT, WorkflowNames.DEFAULT);
        RestartSchedule sixAm = new RestartSchedule(LocalTime.of(6, 0), PARIS);
        WorkflowSchedule everyHalfHour = new WorkflowSchedule(Duration.ofMinutes(30), LocalTime.MIDNIGHT);
        int hourly = count >= 3 ? count - 3 : 1;
        List<InstanceAudit> audits = new ArrayList<>();
        for (int i = 1; i <= hourly; i++) {
            audits.add(auditor.audit("mcExec" + i, new RestartFetch.NotConfigured("No restart URL is configured for "
                    + "instance mcExec" + i), sixAm, WorkflowSchedule.ADOBE_DEFAULT, PARIS, NOW, messages));
        }
        if (count >= 3) {
            audits.add(auditor.audit("mcExecH", new RestartFetch.NotConfigured("No restart URL is configured for "
                    + "instance mcExecH"), sixAm, everyHalfHour, PARIS, NOW, messages));
        }
        if (count >= 2) {
            audits.add(auditor.audit("mcExecB", new RestartFetch.Unavailable(RestartSource.HTTP_JSON,
                    "timeout: no complete answer within 3000 ms"), sixAm, WorkflowSchedule.ADOBE_DEFAULT, PARIS, NOW,
                    messages));
        }
        List<WorkflowReport> workflows = new ArrayList<>();
        if (count >= 3) {
            Instant restart = Instant.parse("2026-11-22T05:00:00Z");
            Recommendation fix = DiagnosisRules.DEFAULT.recommend("mcSynch_mcExecF", restart,
                    restart.plusSeconds(40), PARIS, WorkflowSchedule.ADOBE_DEFAULT, messages);
            Diagnosis failure = new Diagnosis(Diagnosis.KNOWN_ISSUE, Verdict.MATCH, "mcSynch_mcExecF", "mcExecF",
                    restart.plusSeconds(3), restart, RestartSource.SCHEDULE, 0.05,
                    List.of("SOP-330011 Empty return for method 'Logon' of service 'xtk:session'"), fix,
                    messages.language().tag());
            workflows.add(new WorkflowReport("mcSynch_mcExecF", "mcExecF", "failed", null, SweepStatus.FAILING,
                    List.of(failure), null, null, fix, List.of(), null));
        }
        // The daily run with no sweep schedule of its own: it owns the day before it, failures and audit alike.
        return new SweepReport(Diagnosis.KNOWN_ISSUE, NOW, workflows, audits, List.of(), messages.language().tag(),
                SweepPeriod.ending(NOW, Duration.ofDays(1), true));
    }

    /** A setting as Quarkus reads it outside application.properties: the system property, else its environment variable. */
    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
