package com.campaignops.ka05406.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static org.assertj.core.api.Assertions.assertThat;

/** With a webhook token configured, only HTTP callers that present it get a verdict. */
@QuarkusTest
@TestProfile(WebhookAuthenticationTest.WithToken.class)
class WebhookAuthenticationTest {

    private static final String TOKEN = "4f1c2d0e-webhook-token";

    public static class WithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("restart-check.webhook.token", TOKEN);
        }
    }

    @Test
    void webhookWithTheToken_getsTheVerdict() {
        JsonPath response = invokeWith(webhookWithAuthorization("Bearer " + TOKEN));

        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(JsonPath.from(response.getString("body")).getString("verdict")).isEqualTo("MATCH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer wrong-token", "Basic " + TOKEN, "Bearer " + TOKEN + "x"})
    void webhookWithoutTheToken_isRefusedWith401(String authorization) {
        JsonPath response = invokeWith(webhookWithAuthorization(authorization));

        assertThat(response.getInt("statusCode")).isEqualTo(401);
        assertThat(response.getString("headers.www-authenticate")).isEqualTo("Bearer");
        assertThat(JsonPath.from(response.getString("body")).getString("error")).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void directInvocation_isAuthorisedByIamAndNeedsNoToken() {
        assertThat(invoke("events/direct-invocation.json").getString("verdict")).isEqualTo("MATCH");
    }

    private static String webhookWithAuthorization(String authorization) {
        try {
            String event = Files.readString(Path.of("events/http-api-webhook.json"));
            return event.replace("\"accept\": \"*/*\"", "\"accept\": \"*/*\", \"authorization\": \"" + authorization + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
