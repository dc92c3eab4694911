package com.campaignops.ka05406.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** The explicit development flag, and only it, opens a webhook that has no secret. */
@QuarkusTest
@TestProfile(UnsignedDevelopmentWebhookTest.AllowUnsigned.class)
class UnsignedDevelopmentWebhookTest {

    public static class AllowUnsigned implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("restart-check.webhook.secret", "", "restart-check.webhook.allow-unsigned", "true");
        }
    }

    @Test
    void unsignedWebhook_isAnswered_whenNoSecretIsConfiguredAndTheDevelopmentFlagIsSet() {
        assertThat(invoke("events/http-api-webhook.json").getInt("statusCode")).isEqualTo(200);
    }
}
