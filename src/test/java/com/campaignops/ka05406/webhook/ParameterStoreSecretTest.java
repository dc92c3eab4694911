package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.SignedWebhooks;
import com.campaignops.ka05406.WireMockProfile;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

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
 * The webhook secret read from an SSM SecureString through the Parameters and Secrets Extension
 * (WireMock stands in for it): read once, cached, and both secrets of a rotation accepted. Shares
 * {@link WireMockProfile}, which configures the parameter (and whose restart-source tests never read it).
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
@ConnectWireMock
class ParameterStoreSecretTest {

    static final String PARAMETER = WireMockProfile.SECRET_PARAMETER;

    WireMock wiremock;

    @Test
    void secretFromParameterStore_isReadOnceThroughTheExtension_andBothRotationSecretsAreAccepted() throws IOException {
        wiremock.resetRequests();
        wiremock.register(get(urlPathEqualTo("/systemsmanager/parameters/get"))
                .withQueryParam("name", equalTo(PARAMETER)).withQueryParam("withDecryption", equalTo("true"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Files.readString(Path.of("src/test/resources/secrets/ssm-get-parameter.json")))));
        String event = Files.readString(Path.of("events/http-api-webhook.json"));

        JsonPath withCurrent = invokeWith(SignedWebhooks.signed(event, "rotated-in-2026-secret-a81f", Instant.now()));
        JsonPath withPrevious = invokeWith(SignedWebhooks.signed(event, "retiring-secret-0c55e2", Instant.now()));
        JsonPath withTestDefault = invokeWith(SignedWebhooks.signed(event));

        assertThat(withCurrent.getInt("statusCode")).isEqualTo(200);
        assertThat(withPrevious.getInt("statusCode")).isEqualTo(200);
        assertThat(withTestDefault.getInt("statusCode")).isEqualTo(401);
        wiremock.verifyThat(1, getRequestedFor(urlPathEqualTo("/systemsmanager/parameters/get")));
    }
}
