package com.campaignops.ka05406.service;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled audit asks its instances side by side: with every source hanging, it still ends in about
 * one instance's worst case, far inside the Lambda timeout, and reports each one UNKNOWN, with a warning
 * that names the invocation.
 */
@QuarkusTest
@TestProfile(AuditOfHangingSourcesTest.HangingSources.class)
@ConnectWireMock
class AuditOfHangingSourcesTest {

    private static final List<String> HANGING = List.of("hangA", "hangB", "hangC", "hangD", "hangE", "hangF");
    private static final Duration READ_TIMEOUT = Duration.ofMillis(600);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration RETRY_DELAY = Duration.ofMillis(10);
    private static final Duration RETRY_JITTER = Duration.ofMillis(5);

    WireMock wiremock;

    private final List<ExtLogRecord> warnings = new CopyOnWriteArrayList<>();
    private final ExtHandler logCapture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            if (record.getLevel() == Level.WARN) {
                record.copyAll(); // the MDC is otherwise read lazily, after the pool thread has cleared it
                warnings.add(record);
            }
        }
    };

    @BeforeEach
    void captureWarnings() {
        Logger.getLogger("com.campaignops").addHandler(logCapture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("com.campaignops").removeHandler(logCapture);
    }

    public static class HangingSources implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Map.of(
                    "restart-check.http.connect-timeout", "PT0.5S",
                    "restart-check.http.read-timeout", READ_TIMEOUT.toString(),
                    "restart-check.http.attempt-timeout", ATTEMPT_TIMEOUT.toString(),
                    "restart-check.http.max-retries", "1",
                    "restart-check.http.retry-delay", RETRY_DELAY.toString(),
                    "restart-check.http.retry-jitter", RETRY_JITTER.toString()));
            HANGING.forEach(name -> config.put("restart-check.instances." + name + ".restart-url",
                    "http://localhost:${quarkus.wiremock.devservices.port}/hang/" + name));
            return config;
        }
    }

    @Test
    void auditWithEverySourceHanging_endsInAboutOneInstancesWorstCase_andReportsThemUnknown() {
        // The first audit builds the REST clients and loads their classes (seconds on a cold JVM): a 404,
        // which neither is retried nor counts against a breaker, gets that out of the measured audit.
        wiremock.register(get(anyUrl()).willReturn(aResponse().withStatus(404)));
        invoke("events/scheduled-audit.json");
        wiremock.resetRequests();
        wiremock.removeMappings();
        warnings.clear();
        wiremock.register(get(anyUrl()).willReturn(aResponse().withFixedDelay(5_000).withBody("{}")));
        assertThat(HANGING).hasSizeLessThanOrEqualTo(RestartCheckService.PARALLEL_FETCHES);

        Instant start = Instant.now();
        JsonPath report = invoke("events/scheduled-audit.json");
        Duration took = Duration.between(start, Instant.now());

        assertThat(report.getList("instances.instance")).containsExactly("hangA", "hangB", "hangC", "hangD", "hangE",
                "hangF", "mcExec1");
        assertThat(report.getList("instances.status").subList(0, HANGING.size())).containsOnly("UNKNOWN");
        wiremock.verifyThat(2 * HANGING.size(), getRequestedFor(anyUrl()));
        assertThat(warnings).hasSize(HANGING.size())
                .allSatisfy(warning -> assertThat(warning.getMdc("requestId")).as("invocation's request id")
                        .isNotBlank());
        // A hang guard, not a benchmark. One instance may take two attempts and the pause between them;
        // twice that is generous, yet less than asking the six one after the other could ever take
        // (each attempt waits at least the read timeout: 6 × 2 × 600 ms).
        Duration oneInstance = ATTEMPT_TIMEOUT.multipliedBy(2).plus(RETRY_DELAY).plus(RETRY_JITTER);
        assertThat(took).isLessThan(oneInstance.multipliedBy(2))
                .isLessThan(READ_TIMEOUT.multipliedBy(2L * HANGING.size()));
    }
}
