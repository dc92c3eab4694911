package com.campaignops.ka05406.observability;

import com.campaignops.ka05406.CapturedOutput;
import com.campaignops.ka05406.SignedWebhooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

        List<ExtLogRecord> records = output.records();
        assertThat(records).hasSize(1);
        String logged = records.get(0).getFormattedMessage() + records.get(0).getMdcCopy();
        assertThat(logged).contains("webhook").contains("MATCH").doesNotContain(signature.substring(7, 20))
                .doesNotContain(SignedWebhooks.SECRET).doesNotContain("xtk:session");
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
