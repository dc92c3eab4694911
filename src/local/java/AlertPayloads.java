import com.campaignops.ka05406.alerts.AlertComposer;
import com.campaignops.ka05406.alerts.AlertText;
import com.campaignops.ka05406.alerts.Finding;
import com.campaignops.ka05406.alerts.FindingSources;
import com.campaignops.ka05406.alerts.slack.SlackChannel;
import com.campaignops.ka05406.alerts.teams.TeamsChannel;
import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the exact Slack and Teams request bodies the function would send for a sample audit, without sending
 * anything and without any configuration: the same classes build them as in Lambda. Run by
 * {@code ./invoke --alert-payloads [N]}: N instances at risk (default 1) plus one that could not be checked,
 * control zone Europe/Paris, restart 06:00. Paste the Slack one into Block Kit Builder, the Teams card
 * ({@code attachments[0].content}) into the Adaptive Cards designer.
 */
public class AlertPayloads {

    public static void main(String[] args) throws Exception {
        int atRisk = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        ZoneId paris = ZoneId.of("Europe/Paris");
        Instant now = Instant.parse("2026-11-22T07:15:00Z");
        Auditor auditor = new Auditor(DiagnosisRules.DEFAULT);
        RestartSchedule sixAm = new RestartSchedule(LocalTime.of(6, 0), paris);
        List<InstanceAudit> audits = new ArrayList<>();
        for (int i = 1; i <= atRisk; i++) {
            audits.add(auditor.audit("mcExec" + i, new RestartFetch.NotConfigured("No restart URL is configured for "
                    + "instance mcExec" + i), sixAm, WorkflowSchedule.ADOBE_DEFAULT, paris, now));
        }
        audits.add(auditor.audit("mcExecB", new RestartFetch.Unavailable(RestartSource.HTTP_JSON,
                "timeout: no complete answer within 3000 ms"), sixAm, WorkflowSchedule.ADOBE_DEFAULT, paris, now));
        AuditReport report = new AuditReport(Diagnosis.KNOWN_ISSUE, now, audits);

        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        List<Finding> findings = FindingSources.toSend(report, false);
        AlertComposer composer = new AlertComposer(AlertText.english());
        ObjectMapper pretty = new ObjectMapper();
        byte[] slack = new SlackChannel(mapper, 10).body(composer, findings, report);
        byte[] teams = new TeamsChannel(mapper, 10).body(composer, findings, report);
        System.out.println("# Slack (POST to the incoming-webhook URL), " + slack.length + " bytes");
        System.out.println(pretty.writerWithDefaultPrettyPrinter().writeValueAsString(pretty.readTree(slack)));
        System.out.println("# Teams (POST to the Workflows webhook URL), " + teams.length + " bytes");
        System.out.println(pretty.writerWithDefaultPrettyPrinter().writeValueAsString(pretty.readTree(teams)));
        System.out.flush();
        System.exit(0);
    }
}
