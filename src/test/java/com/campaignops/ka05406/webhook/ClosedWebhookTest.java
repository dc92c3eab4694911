package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.SignedWebhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static org.assertj.core.api.Assertions.assertThat;

/** With no secret configured anywhere, the webhook is closed: no signature can open it. */
@QuarkusTest
@TestProfile(ClosedWebhookTest.NoSecret.class)
class ClosedWebhookTest {

    public static class NoSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("restart-check.webhook.secret", "");
        }
    }

    @Test
    void webhookWithoutAConfiguredSecret_refusesEveryCall_signedOrNot() throws IOException {
        String event = Files.readString(Path.of("events/http-api-webhook.json"));

        assertThat(invokeWith(event).getInt("statusCode")).isEqualTo(401);
        assertThat(invokeWith(SignedWebhooks.signed(event, "any-guess", Instant.now())).getInt("statusCode")).isEqualTo(401);
        assertThat(invokeWith(SignedWebhooks.signed(event)).getInt("statusCode")).isEqualTo(401);
    }

    @Test
    void directInvocation_stillWorks_asIamAuthorisesIt() {
        assertThat(invoke("events/direct-invocation.json").getString("verdict")).isEqualTo("MATCH");
    }
}
