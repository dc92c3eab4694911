package com.campaignops.ka05406.observability;

import com.campaignops.ka05406.CapturedOutput;
import com.campaignops.ka05406.SignedWebhooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every invocation leaves one INFO log line, with its facts as structured fields and nothing of the
 * payload or its headers, and one CloudWatch Embedded Metric Format line on stdout.
 */
@QuarkusTest
class InvocationObservabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final CapturedOutput output = CapturedOutput.logsAndStdout();

    @Test
    void directInvocation_leavesOneInfoLineWithStructuredFields_andNoPayload() {
        invoke("events/direct-invocation.json");

        List<ExtLogRecord> info = output.records(Level.INFO);
        assertThat(info).hasSize(1);
        Map<String, String> fields = info.get(0).getMdcCopy();
        assertThat(fields).containsEntry("eventShape", "direct").containsEntry("verdict", "MATCH")
                .containsEntry("instance", "mcExec1").containsEntry("restartSource", "SCHEDULE")
                .containsEntry("fallbacks", "0").containsKeys("requestId", "durationMs", "upstreamMs");
        assertThat(info.get(0).getFormattedMessage()).doesNotContain("Empty return").doesNotContain("Logon");
    }

    @Test
    void signedWebhook_logsNeitherTheSignatureNorTheSecretNorTheBody() throws IOException {
        String event = SignedWebhooks.signedFile("events/http-api-webhook.json");
        String signature = JSON.readTree(event).path("headers").path("x-webhook-signature").asText();

        invokeWith(event);

        // Every line logged meanwhile (another thread's too) is searched; the invocation's own line is one.
        List<ExtLogRecord> records = output.records();
        assertThat(records).filteredOn(r -> r.getLoggerName().endsWith("InvocationLog")).hasSize(1);
        for (ExtLogRecord record : records) {
            String logged = record.getFormattedMessage() + record.getMdcCopy();
            assertThat(logged).doesNotContain(signature.substring(7, 20)).doesNotContain(SignedWebhooks.SECRET)
                    .doesNotContain("xtk:session");
        }
        ExtLogRecord invocation = records.stream().filter(r -> r.getLoggerName().endsWith("InvocationLog"))
                .findFirst().orElseThrow();
        assertThat(invocation.getFormattedMessage() + invocation.getMdcCopy()).contains("webhook").contains("MATCH");
    }

    @Test
    void rejectedInput_isLoggedWithItsErrorCode_once() {
        invokeWith("{\"workflow\": 42}");

        assertThat(output.records()).hasSize(1);
        assertThat(output.records().get(0).getMdcCopy()).containsEntry("verdict", "INVALID_INPUT");
    }

    @Test
    void everyInvocation_writesOneEmbeddedMetricFormatLine_asTheSpecificationRequires() throws IOException {
        invoke("events/direct-invocation.json");

        List<JsonNode> emf = emfLines();
        assertThat(emf).hasSize(1);
        JsonNode line = emf.get(0);
        JsonNode aws = line.path("_aws");
        assertThat(aws.path("Timestamp").isIntegralNumber()).isTrue();
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("CampaignOps/RestartCheck");
        // Every dimension names a top-level string member; every metric a top-level number with a valid unit.
        for (JsonNode dimensionSet : directive.path("Dimensions")) {
            dimensionSet.forEach(dimension -> assertThat(line.path(dimension.asText()).isTextual()).isTrue());
        }
        for (JsonNode metric : directive.path("Metrics")) {
            assertThat(line.path(metric.path("Name").asText()).isNumber()).as(metric.toString()).isTrue();
            assertThat(metric.path("Unit").asText()).isIn("Count", "Milliseconds");
        }
        assertThat(line.path("Match").asDouble()).isEqualTo(1.0);
        assertThat(line.path("NoMatch").asDouble()).isZero();
        assertThat(line.path("Fallbacks").asDouble()).isZero();
        assertThat(line.path("Duration").asDouble()).isPositive();
        assertThat(line.path("Service").asText()).isEqualTo("mcsynch-restart-check");
    }

    @Test
    void refusedWebhook_countsAsAnError_inTheMetrics() throws IOException {
        invoke("events/http-api-webhook.json");

        JsonNode line = emfLines().get(0);
        assertThat(line.path("Errors").asDouble()).isEqualTo(1.0);
        assertThat(line.path("Match").asDouble()).isZero();
        assertThat(line.path("eventShape").asText()).isEqualTo("webhook");
    }

    /**
     * The log fields, message and metrics line of an audit and of an SNS batch (a verdict and an error), with
     * what varies per run masked: pinned as they were before the outcome became a typed value.
     */
    @Test
    void auditAndSnsBatch_keepTheirLogLineAndMetricsExactly() throws IOException {
        JsonNode batch = JSON.readTree(Files.readString(Path.of("events/sns-notification.json")));
        ObjectNode second = ((ObjectNode) batch.path("Records").get(0)).deepCopy();
        ((ObjectNode) second.path("Sns")).put("Message", "{\"workflow\": 42}");
        ((ArrayNode) batch.path("Records")).add(second);

        invoke("events/scheduled-audit.json");
        invokeWith(batch.toString());

        List<String> logged = output.records(Level.INFO).stream().map(r -> {
            Map<String, String> fields = new TreeMap<>(r.getMdcCopy());
            fields.keySet().removeAll(List.of("requestId", "AWSRequestId", "durationMs", "upstreamMs"));
            return r.getFormattedMessage().replaceAll("Invocation \\S+ ", "Invocation ID ")
                    .replaceAll("[0-9.]+ ms$", "N ms") + " " + fields;
        }).toList();
        assertThat(logged).containsExactly(
                "Invocation ID (scheduled): AT_RISK, instance mcExec1, restart source SCHEDULE, N ms "
                        + "{eventShape=scheduled, fallbacks=0, instance=mcExec1, restartSource=SCHEDULE, verdict=AT_RISK}",
                "Invocation ID (sns): MATCH,INVALID_INPUT, instance mcExec2, restart source SCHEDULE, N ms "
                        + "{eventShape=sns, fallbacks=0, instance=mcExec2, restartSource=SCHEDULE, "
                        + "verdict=MATCH,INVALID_INPUT}");
        List<String> metrics = emfLines().stream().map(line -> {
            ObjectNode masked = (ObjectNode) line;
            ((ObjectNode) masked.path("_aws")).put("Timestamp", 0);
            return masked.put("Duration", 0).put("requestId", "ID").toString();
        }).toList();
        String directive = "{\"_aws\":{\"Timestamp\":0,\"CloudWatchMetrics\":[{\"Namespace\":\"CampaignOps/RestartCheck\","
                + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"Invocations\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Match\",\"Unit\":\"Count\"},{\"Name\":\"NoMatch\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"Inconclusive\",\"Unit\":\"Count\"},";
        assertThat(metrics).containsExactly(
                directive + "{\"Name\":\"AtRisk\",\"Unit\":\"Count\"},{\"Name\":\"Clear\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"Unknown\",\"Unit\":\"Count\"},{\"Name\":\"Errors\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"UpstreamCalls\",\"Unit\":\"Count\"},{\"Name\":\"Fallbacks\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"AlertsSent\",\"Unit\":\"Count\"},{\"Name\":\"AlertsFailed\",\"Unit\":\"Count\"},{\"Name\":\"Duration\",\"Unit\":\"Milliseconds\"}]}]},\"Service\":\"mcsynch-restart-check\","
                        + "\"Invocations\":1.0,\"Match\":0.0,\"NoMatch\":0.0,\"Inconclusive\":0.0,\"AtRisk\":1.0,"
                        + "\"Clear\":0.0,\"Unknown\":0.0,\"Errors\":0.0,\"UpstreamCalls\":0.0,\"Fallbacks\":0.0,"
                        + "\"AlertsSent\":0.0,\"AlertsFailed\":0.0,\"Duration\":0,\"requestId\":\"ID\",\"eventShape\":\"scheduled\"}",
                directive + "{\"Name\":\"Errors\",\"Unit\":\"Count\"},{\"Name\":\"UpstreamCalls\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"Fallbacks\",\"Unit\":\"Count\"},{\"Name\":\"AlertsSent\",\"Unit\":\"Count\"},{\"Name\":\"AlertsFailed\",\"Unit\":\"Count\"},{\"Name\":\"Duration\",\"Unit\":\"Milliseconds\"}]}]},"
                        + "\"Service\":\"mcsynch-restart-check\",\"Invocations\":1.0,\"Match\":1.0,\"NoMatch\":0.0,"
                        + "\"Inconclusive\":0.0,\"Errors\":1.0,\"UpstreamCalls\":0.0,\"Fallbacks\":0.0,\"AlertsSent\":0.0,\"AlertsFailed\":0.0,\"Duration\":0,"
                        + "\"requestId\":\"ID\",\"eventShape\":\"sns\"}");
    }

    private List<JsonNode> emfLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.stdout().split("\n")) {
            if (line.startsWith("{\"_aws\"")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
