package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.CapturedOutput;
import com.campaignops.ka05406.alerts.Alerts;
import com.campaignops.ka05406.campaign.soap.CampaignResets;
import com.campaignops.ka05406.campaign.soap.SoapCampaignReader;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.config.TestSettings;
import com.campaignops.ka05406.lambda.RestartCheckHandler;
import com.campaignops.ka05406.observability.InvocationLog;
import com.campaignops.ka05406.outbound.Workers;
import com.campaignops.ka05406.restart.http.HttpRestartTimeSource;
import com.campaignops.ka05406.service.RestartCheckService;
import com.campaignops.ka05406.service.SweepService;
import com.campaignops.ka05406.webhook.WebhookAuthenticator;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import com.campaignops.ka05406.campaign.soap.CampaignProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static com.campaignops.ka05406.FakeCampaign.LOGOFF;
import static com.campaignops.ka05406.FakeCampaign.LOGON;
import static com.campaignops.ka05406.FakeCampaign.healthy;
import static com.campaignops.ka05406.FakeCampaign.requested;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Six execution instances whose restart sources all hang: the sweep asks them side by side while it
 * reads Campaign, so it takes about one source's worst case (two attempts cut by the 0.5 s read
 * timeout), not six of them, and each of those instances is audited UNKNOWN.
 *
 * <p>It runs in CampaignProfile's start (one Quarkus start fewer): the function under test is built here as the
 * application builds it (the HTTP restart source, the services, the handler) from CampaignProfile's settings plus
 * the six instances, and shares the application's Campaign reader, alerts, metrics log and workers.
 */
@QuarkusTest
@TestProfile(CampaignProfile.class)
@ConnectWireMock
class SweepWithHangingRestartSourcesTest {

    private static final int HANGING = 6;

    WireMock wiremock;

    @Inject
    SoapCampaignReader campaign;
    @Inject
    ObjectMapper mapper;
    @Inject
    WebhookAuthenticator authenticator;
    @Inject
    InvocationLog invocationLog;
    @Inject
    Alerts alerts;
    @Inject
    Workers workers;
    @Inject
    Clock clock;
    @Inject
    CircuitBreakerMaintenance breakers;

    @RegisterExtension
    CapturedOutput output = CapturedOutput.logsAndStdout();

    /** Longer than the read timeout (0.5 s), so every attempt times out. */
    private static final int HANG_MILLIS = 1_000;

    private RestartCheckHandler handler;

    @BeforeEach
    void buildTheFunctionWithSixHangingSources() {
        wiremock.resetRequests();
        wiremock.removeMappings();
        breakers.resetAll();
        CampaignResets.forgetAuthenticationFailure(campaign);
        Map<String, String> settings = CampaignProfile.resolvedSettings();
        for (int i = 1; i <= HANGING; i++) {
            settings.put("restart-check.instances.hang" + i + ".restart-url", CampaignProfile.wiremockUrl() + "/restarts/hang" + i);
        }
        RestartCheckConfig config = TestSettings.of(settings);
        InstanceDirectory directory = new InstanceDirectory(config);
        HttpRestartTimeSource sources = new HttpRestartTimeSource(directory, config, mapper);
        RestartCheckService service = new RestartCheckService(directory, sources, clock, workers);
        SweepService sweeps = new SweepService(campaign, service, sources, directory, config, clock, workers);
        handler = new RestartCheckHandler(service, mapper, authenticator, config, invocationLog, sweeps, alerts);
    }

    @Test
    void hangingRestartSources_areAskedSideBySide_soTheSweepTakesAboutOneWorstCase_andCountAsFallbacks()
            throws Exception {
        healthy(wiremock);
        String restart = "{\"lastRestart\": \"2024-06-14T04:00:41Z\"}";
        wiremock.register(get(urlPathMatching("/restarts/hang.*")).willReturn(aResponse().withBody(restart)));
        invoke(handler, "events/sweep.json"); // the first invocation also loads the classes: not timed, sources answer
        // From now on they hang (the newest stub wins).
        wiremock.register(get(urlPathMatching("/restarts/hang.*"))
                .willReturn(aResponse().withFixedDelay(HANG_MILLIS).withBody(restart)));
        wiremock.resetRequests();

        long start = System.nanoTime();
        JsonPath report = invoke(handler, "events/sweep.json");
        long millis = (System.nanoTime() - start) / 1_000_000;

        // One source: 2 attempts of 0.5 s (read timeout) and a 10 ms pause; six in a row would be over 6 s.
        assertThat(millis).isLessThan(3_000);
        assertThat(report.getList("workflows.status")).containsExactly("FAILING", "CLEAR");
        assertThat(report.getList("instances.findAll { it.instance.startsWith('hang') }.status"))
                .hasSize(HANGING).containsOnly("UNKNOWN");
        Thread.sleep(HANG_MILLIS + 300); // and the timed invocation's, before counting them
        wiremock.verifyThat(2 * HANGING, getRequestedFor(urlPathMatching("/restarts/hang.*")));
        wiremock.verifyThat(1, requested(LOGON));
        wiremock.verifyThat(1, requested(LOGOFF));
        // The alarm sees it (issue 19, item 4): each hanging source is one call and one fallback, asked once although
        // the journals' diagnoses and the audit both used it; the two instances without a URL cost nothing.
        List<String> emf = output.stdout().lines().filter(line -> line.contains("\"_aws\"")).toList();
        JsonNode metrics = new ObjectMapper().readTree(emf.get(emf.size() - 1));
        assertThat(metrics.path("eventShape").asText()).isEqualTo("sweep");
        assertThat(metrics.path("UpstreamCalls").asDouble()).isEqualTo(HANGING);
        assertThat(metrics.path("Fallbacks").asDouble()).isEqualTo(HANGING);
        assertThat(metrics.path("UpstreamLatency").asDouble()).isPositive();
    }

    /** The handler as Lambda calls it, without a context (so only the sweep's deadline bounds it). */
    private static JsonPath invoke(RestartCheckHandler handler, String eventFile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(Files.newInputStream(Path.of(eventFile)), out, null);
        return new JsonPath(out.toString(StandardCharsets.UTF_8));
    }
}
