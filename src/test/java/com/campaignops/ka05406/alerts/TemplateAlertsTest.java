package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.observability.InvocationSummary;
import com.campaignops.ka05406.observability.EventShape;
import com.campaignops.ka05406.observability.InvocationLog;
import com.campaignops.ka05406.observability.UpstreamCost;
import com.campaignops.ka05406.restart.RestartSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml against the code: the dedup rule's daily schedule and no retry, the routing rule's statuses
 * against what the function itself alerts on, and every alarm and dashboard metric one the function emits.
 */
class TemplateAlertsTest {

    private static final String TEMPLATE = read("template.yaml");

    /** The dedup rule: one audit a day, and a failed audit is not retried (it would alert twice). */
    @Test
    void theAuditRunsOnceADay_andIsNeverRetried() {
        Matcher schedule = Pattern.compile("AuditSchedule:\\n(?:\\s+.*\\n)*?\\s+Default: (.+)\\n").matcher(TEMPLATE);
        assertThat(schedule.find()).isTrue();
        assertThat(schedule.group(1).strip()).matches("cron\\(\\d{1,2} \\d{1,2} \\* \\* \\? \\*\\)");
        assertThat(TEMPLATE).contains("MaximumRetryAttempts: 0");
    }

    /** The template routes to SNS exactly the audit statuses the function alerts on, and the sweep's findings. */
    @Test
    void theFindingsRule_matchesExactlyTheAuditStatusesTheFunctionAlertsOn() {
        Matcher rule = Pattern.compile("instances:\\n\\s+status: \\[([A-Z_, ]+)]").matcher(TEMPLATE);
        assertThat(rule.find()).isTrue();
        Set<String> routed = new HashSet<>(Arrays.asList(rule.group(1).split(",\\s*")));
        Map<AuditStatus, InstanceAudit> samples = Map.of(AuditStatus.AT_RISK, SampleFindings.atRisk("a"),
                AuditStatus.CLEAR, SampleFindings.clear("c"), AuditStatus.UNKNOWN, SampleFindings.unknown("u"));
        for (AuditStatus status : AuditStatus.values()) {
            InstanceAudit audit = samples.get(status);
            assertThat(audit.status()).isEqualTo(status);
            boolean alerted = !Finding.toSend(SampleFindings.report(audit)).isEmpty();
            assertThat(routed.contains(status.name())).as(status.name()).isEqualTo(alerted);
        }
        assertThat(TEMPLATE).contains("detail-type: [Scheduled Event]").contains("Type: EventBridge");
        assertThat(TEMPLATE).containsPattern("workflows:\\n\\s+status: \\[FAILING, AT_RISK, UNKNOWN]");
    }

    @Test
    void everyAlarmAndDashboardMetric_isOneTheFunctionEmits() throws IOException {
        String line = InvocationLog.metricsLine("CampaignOps/RestartCheck", "svc",
                new InvocationSummary("r", EventShape.SCHEDULED,
                        List.of(InvocationSummary.Reported.about(InvocationSummary.Reported.Kind.AUDIT_STATUS,
                                AuditStatus.AT_RISK, "i", RestartSource.SCHEDULE)),
                        new UpstreamCost(1, 1, Duration.ofMillis(3)), Duration.ofMillis(5), 1, 0), Instant.EPOCH);
        Set<String> emitted = new HashSet<>();
        for (JsonNode metric : new ObjectMapper().readTree(line).path("_aws").path("CloudWatchMetrics").get(0)
                .path("Metrics")) {
            emitted.add(metric.path("Name").asText());
        }
        List<String> alarmed = new ArrayList<>();
        Matcher alarms = Pattern.compile("Namespace: CampaignOps/RestartCheck\\n\\s+MetricName: (\\w+)").matcher(TEMPLATE);
        while (alarms.find()) {
            alarmed.add(alarms.group(1));
        }
        assertThat(alarmed).contains("Errors", "Fallbacks", "Match", "AtRisk", "AlertsFailed");
        assertThat(emitted).containsAll(alarmed);
        List<String> charted = new ArrayList<>();
        Matcher widgets = Pattern.compile("\\[\"(?:CampaignOps/RestartCheck|\\.)\", \"(\\w+)\"").matcher(TEMPLATE);
        while (widgets.find()) {
            charted.add(widgets.group(1));
        }
        assertThat(charted).contains("Match", "AtRisk", "Fallbacks", "UpstreamLatency", "Duration", "AlertsSent");
        assertThat(emitted).containsAll(charted);
    }

    /** Least privilege: each channel's URL parameter is readable by the function, and only that parameter. */
    @Test
    void eachChannelSecret_isReadableOnlyByItsOwnStatement() {
        for (String parameter : List.of("SlackWebhookUrlParameter", "TeamsWebhookUrlParameter", "AlertWebhookParameter")) {
            assertThat(TEMPLATE).contains("parameter${" + parameter + "}");
            assertThat(TEMPLATE).containsPattern("RESTART_CHECK_ALERTS_\\w+_URL_PARAMETER: !Ref " + parameter);
        }
        // The webhook secret's, the Campaign password's and the three channels': one statement each, each on its
        // own parameter's ARN.
        assertThat(Pattern.compile("Action: ssm:GetParameter\\n\\s+Resource: !Sub arn:\\$\\{AWS::Partition}:ssm:"
                + "\\$\\{AWS::Region}:\\$\\{AWS::AccountId}:parameter\\$\\{\\w+}\\n").matcher(TEMPLATE).results().count())
                .isEqualTo(5);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
