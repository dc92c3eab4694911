package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.SignedWebhooks;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static com.campaignops.ka05406.SignedWebhooks.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook calls are answered only with a valid HMAC-SHA256 signature of {@code <timestamp>.<body>} made
 * within the last five minutes; every refusal looks the same to the caller.
 */
@QuarkusTest
class WebhookAuthenticationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void signedWebhook_getsTheVerdict() {
        JsonPath response = invokeWith(signed(sample()));

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(JsonPath.from(response.getString("body")).getString("verdict")).isEqualTo("MATCH");
    }

    @Test
    void unsignedWebhook_isRefusedWith401() {
        assertRefused(sample());
    }

    @Test
    void signatureMadeWithAnotherSecret_isRefused() {
        assertRefused(SignedWebhooks.signed(sample(), "not-the-configured-secret", Instant.now()));
    }

    @Test
    void signatureOlderThanTheTolerance_isRefusedAsAReplay() {
        assertRefused(SignedWebhooks.signed(sample(), SignedWebhooks.SECRET, Instant.now().minus(Duration.ofSeconds(301))));
    }

    // 302 s, not 301: the header carries whole seconds, and the truncation must not bring it back inside 300 s.
    @Test
    void signatureFromTooFarInTheFuture_isRefused() {
        assertRefused(SignedWebhooks.signed(sample(), SignedWebhooks.SECRET, Instant.now().plus(Duration.ofSeconds(302))));
    }

    @Test
    void signedBodyChangedInTransit_isRefused() {
        ObjectNode event = tree(signed(sample()));
        event.put("body", event.path("body").asText().replace("mcSynch_mcExec1", "mcSynch_mcExec2"));

        assertRefused(event.toString());
    }

    @Test
    void signatureHeadersReplayedWithAnotherTimestamp_areRefused() {
        ObjectNode event = tree(signed(sample()));
        ObjectNode headers = (ObjectNode) event.path("headers");
        headers.put("x-webhook-timestamp", Long.toString(Instant.now().getEpochSecond() - 1));

        assertRefused(event.toString());
    }

    @Test
    void headerNamesInAnyCase_areAccepted() {
        ObjectNode event = tree(signed(sample()));
        ObjectNode headers = (ObjectNode) event.path("headers");
        headers.set("X-Webhook-Signature", headers.remove("x-webhook-signature"));
        headers.set("X-Webhook-Timestamp", headers.remove("x-webhook-timestamp"));

        assertThat(invokeWith(event.toString()).getInt("statusCode")).isEqualTo(200);
    }

    @Test
    void refusalsAreIndistinguishable_andNameNoReason() {
        String unsigned = invokeWith(sample()).getString("body");
        String stale = invokeWith(SignedWebhooks.signed(sample(), SignedWebhooks.SECRET,
                Instant.now().minus(Duration.ofHours(1)))).getString("body");
        String wrong = invokeWith(SignedWebhooks.signed(sample(), "wrong", Instant.now())).getString("body");

        assertThat(stale).isEqualTo(unsigned);
        assertThat(wrong).isEqualTo(unsigned);
    }

    @Test
    void directInvocationAndScheduledEvents_areAuthorisedByIamAndNeedNoSignature() {
        assertThat(invoke("events/direct-invocation.json").getString("verdict")).isEqualTo("MATCH");
        assertThat(invoke("events/scheduled-audit.json").getList("instances")).isNotEmpty();
    }

    private static void assertRefused(String event) {
        JsonPath response = invokeWith(event);

        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(response.getString("headers.www-authenticate")).isEqualTo("Signature");
        JsonPath body = JsonPath.from(response.getString("body"));
        assertThat(body.getString("error.code")).isEqualTo("UNAUTHORIZED");
        assertThat(body.getString("verdict")).isNull();
    }

    private static String sample() {
        try {
            return Files.readString(Path.of("events/http-api-webhook.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
