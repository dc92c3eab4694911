package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.SignedWebhooks;
import com.campaignops.ka05406.secrets.SecretStore;
import jakarta.inject.Inject;
import com.campaignops.ka05406.alerts.AlertsProfile;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook secret read from Secrets Manager through the extension. Ordered: while the extension
 * fails nothing is cached, so the webhook answers 503 (never open, never a misleading 401); once it
 * answers, its JSON {"current", "previous"} secrets are used. The settings are in {@link AlertsProfile}.
 */
@QuarkusTest
@TestProfile(AlertsProfile.class)
@ConnectWireMock
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsManagerSecretTest {

    static final String SECRET_ID = AlertsProfile.WEBHOOK_SECRET_ID;

    WireMock wiremock;

    @Inject
    SecretStore secrets;

    /** The start is shared with the alert tests, which may have read this secret already: each test reads afresh. */
    @BeforeEach
    void forgetWhatOtherTestsRead() {
        secrets.forget();
    }

    @Test
    @Order(1)
    void extensionFailing_answers503AndRetryAfter_withoutCachingTheFailure() throws IOException {
        // The start is shared with the alert tests: nothing of theirs may answer or count here.
        wiremock.removeMappings();
        wiremock.resetRequests();
        wiremock.register(get(urlPathEqualTo("/secretsmanager/get")).willReturn(aResponse().withStatus(500)));

        JsonPath response = invokeWith(SignedWebhooks.signed(sample(), "sm-current-secret-4f7a", Instant.now()));

        assertThat(response.getInt("statusCode")).isEqualTo(503);
        assertThat(response.getString("headers.retry-after")).isEqualTo("30");
        assertThat(JsonPath.from(response.getString("body")).getString("error.code")).isEqualTo("SECRET_UNAVAILABLE");
        wiremock.verifyThat(1, getRequestedFor(urlPathEqualTo("/secretsmanager/get")));
    }

    @Test
    @Order(2)
    void secretsManagerJsonPair_acceptsTheCurrentAndThePreviousSecret() throws IOException {
        wiremock.removeMappings();
        wiremock.resetRequests();
        wiremock.register(get(urlPathEqualTo("/secretsmanager/get")).withQueryParam("secretId", equalTo(SECRET_ID))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        Files.readString(Path.of("src/test/resources/secrets/secretsmanager-get-secret-value.json")))));

        assertThat(invokeWith(SignedWebhooks.signed(sample(), "sm-current-secret-4f7a", Instant.now()))
                .getInt("statusCode")).isEqualTo(200);
        assertThat(invokeWith(SignedWebhooks.signed(sample(), "sm-previous-secret-9b21", Instant.now()))
                .getInt("statusCode")).isEqualTo(200);
        assertThat(invokeWith(SignedWebhooks.signed(sample(), "sm-other-secret", Instant.now()))
                .getInt("statusCode")).isEqualTo(401);
        wiremock.verifyThat(1, getRequestedFor(urlPathEqualTo("/secretsmanager/get")));
    }

    private static String sample() throws IOException {
        return Files.readString(Path.of("events/http-api-webhook.json"));
    }
}
