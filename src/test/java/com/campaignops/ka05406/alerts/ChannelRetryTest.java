package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.outbound.Budget;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most once per channel (issue 19, item 3), one attempt at a time: what cannot have been delivered is posted
 * again once, what may have arrived never is. The sender as the channels use it, against WireMock and a closed port.
 */
@QuarkusTest
@TestProfile(AlertsProfile.class)
@ConnectWireMock
class ChannelRetryTest {

    private static final byte[] BODY = "{\"text\":\"mcSynch_mcExec1 failed at the 06:00 restart\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final String PATH = "/alerts/retry";

    WireMock wiremock;

    @Inject
    AlertsConfig config;

    @Inject
    Clock clock;

    private ChannelSender sender;

    @BeforeEach
    void reset() {
        wiremock.resetRequests();
        wiremock.removeMappings();
        sender = new ChannelSender(config, null, clock);
    }

    @Test
    void aRefusedConnection_sentNothing_soItIsPostedOnceMore() {
        // Port 1 on loopback: nothing listens, the connection is refused before a byte is sent.
        Delivery delivery = send(URI.create("http://127.0.0.1:1" + PATH));

        assertThat(delivery.delivered()).isEqualTo(Delivery.Delivered.NO);
        assertThat(delivery.status()).isEqualTo("connection failed, nothing sent after 2 attempts");
    }

    @Test
    void aServerError_isPostedOnceMore_andTheSecondAnswerIsTheOneReported() {
        wiremock.register(post(urlPathEqualTo(PATH)).inScenario("5xx").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wiremock.register(post(urlPathEqualTo(PATH)).inScenario("5xx").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        Delivery delivery = send(wiremockUrl());

        assertThat(delivery.delivered()).isEqualTo(Delivery.Delivered.YES);
        assertThat(delivery.status()).isEqualTo("HTTP 200");
        wiremock.verifyThat(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aClientError_isNotPostedAgain() {
        wiremock.register(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404)));

        Delivery delivery = send(wiremockUrl());

        assertThat(delivery.delivered()).isEqualTo(Delivery.Delivered.NO);
        assertThat(delivery.status()).isEqualTo("HTTP 404");
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void aRetryTheBudgetCannotHold_isNotMade_andSaysSo() {
        wiremock.register(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        Delivery delivery = sender.send(ChannelName.WEBHOOK, wiremockUrl(), BODY, Map.of(),
                Budget.of(null, Duration.ofMillis(1_500), Duration.ZERO), new AtomicReference<>());

        assertThat(delivery.delivered()).isEqualTo(Delivery.Delivered.NO);
        assertThat(delivery.status()).isEqualTo("HTTP 503, not retried: out of time");
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(PATH)));
    }

    private Delivery send(URI url) {
        return sender.send(ChannelName.WEBHOOK, url, BODY, Map.of(),
                Budget.of(null, Duration.ofSeconds(30), Duration.ZERO), new AtomicReference<>());
    }

    private static URI wiremockUrl() {
        return URI.create("http://localhost:" + ConfigProvider.getConfig()
                .getValue("quarkus.wiremock.devservices.port", Integer.class) + PATH);
    }
}
