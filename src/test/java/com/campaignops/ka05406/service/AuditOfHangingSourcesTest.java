package com.campaignops.ka05406.service;

import com.campaignops.ka05406.CapturedOutput;
import com.campaignops.ka05406.WireMockProfile;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.WireMockProfile.HANGING;
import static com.campaignops.ka05406.WireMockProfile.READ_TIMEOUT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled audit asks its instances side by side: with the {@code hang*} instances' sources hanging, it still
 * ends in about one instance's worst case, far inside the Lambda timeout, and reports each one UNKNOWN, with a
 * warning that names the invocation. Shares {@link WireMockProfile} (its other instances answer 404 here).
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
@ConnectWireMock
class AuditOfHangingSourcesTest {

    private static final String HANG_PATHS = "/hang/.*";

    WireMock wiremock;

    @Inject
    CircuitBreakerMaintenance breakers;

    @RegisterExtension
    final CapturedOutput output = CapturedOutput.logs();

    @Test
    void auditWithEverySourceHanging_endsInAboutOneInstancesWorstCase_andReportsThemUnknown() {
        breakers.resetAll();
        wiremock.resetRequests();
        wiremock.removeMappings();
        // The first audit builds the REST clients and loads their classes (seconds on a cold JVM): a 404,
        // which neither is retried nor counts against a breaker, gets that out of the measured audit.
        wiremock.register(get(anyUrl()).willReturn(aResponse().withStatus(404)));
        invoke("events/scheduled-audit.json");
        wiremock.resetRequests();
        wiremock.removeMappings();
        output.clear();
        wiremock.register(get(anyUrl()).willReturn(aResponse().withStatus(404)));
        wiremock.register(get(urlPathMatching(HANG_PATHS)).willReturn(aResponse().withFixedDelay(5_000).withBody("{}")));
        assertThat(HANGING).hasSizeLessThanOrEqualTo(com.campaignops.ka05406.outbound.Workers.THREADS);

        Instant start = Instant.now();
        JsonPath report = invoke("events/scheduled-audit.json");
        Duration took = Duration.between(start, Instant.now());

        String hanging = "instances.findAll { it.instance.startsWith('hang') }";
        assertThat(report.getList(hanging + ".instance")).containsExactlyElementsOf(HANGING);
        assertThat(report.getList(hanging + ".status")).containsOnly("UNKNOWN");
        wiremock.verifyThat(2 * HANGING.size(), getRequestedFor(urlPathMatching(HANG_PATHS)));
        List<ExtLogRecord> warnings = output.warnings().stream()
                .filter(w -> w.getFormattedMessage().contains("/hang/")).toList();
        assertThat(warnings).hasSize(HANGING.size())
                .allSatisfy(warning -> assertThat(warning.getMdc("requestId")).as("invocation's request id")
                        .isNotBlank());
        // A hang guard, not a benchmark. One instance may take two attempts and the pause between them;
        // twice that is generous, yet less than asking the six one after the other could ever take
        // (each attempt waits at least the read timeout: 6 × 2 × 1 s).
        assertThat(took).isLessThan(WireMockProfile.worstCasePerInstance().multipliedBy(2))
                .isLessThan(READ_TIMEOUT.multipliedBy(2L * HANGING.size()));
    }
}
