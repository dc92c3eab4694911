package com.campaignops.ka05406.restart.http;

import com.campaignops.ka05406.CapturedOutput;
import com.campaignops.ka05406.WireMockProfile;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP restart sources end to end: a notification goes in through the handler, the restart time
 * comes from WireMock, and each dependency failure must degrade to an honest verdict after exactly
 * the requests the policy allows.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
@ConnectWireMock
class HttpRestartSourceTest {

    private static final String FAILED_AT_RESTART = "2024-06-13T06:00:03Z";
    private static final String FAILED_IN_THE_AFTERNOON = "2024-06-13T14:00:00Z";

    WireMock wiremock;

    @Inject
    CircuitBreakerMaintenance breakers;

    @RegisterExtension
    final CapturedOutput output = CapturedOutput.logs();

    @BeforeEach
    void resetDependencies() {
        wiremock.resetRequests();
        wiremock.removeMappings();
        breakers.resetAll();
    }

    @Test
    void jsonRestartJustAfterTheFailure_isAMatchWithTheShortOffset() {
        stubJson("/restarts/jsonExec", fixture("json-last-restart.json"));

        JsonPath verdict = diagnose("jsonExec", FAILED_AT_RESTART);

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("restartSource")).isEqualTo("HTTP_JSON");
        assertThat(verdict.getString("restartAt")).isEqualTo("2024-06-13T06:00:41Z");
        assertThat(verdict.getDouble("minutesFromRestart")).isEqualTo(-0.63);
        assertThat(verdict.getInt("recommendation.offsetMinutes")).isEqualTo(5);
        assertThat(verdict.getString("recommendation.schedulerStart")).isEqualTo("06:05");
        wiremock.verifyThat(1, getRequestedFor(urlPathEqualTo("/restarts/jsonExec")));
    }

    @Test
    void webProcessBackMoreThanThreeMinutesAfterTheScheduledRestart_asksForTheLongOffset() {
        stubJson("/restarts/jsonExec", fixture("json-late-restart.json"));

        JsonPath verdict = diagnose("jsonExec", FAILED_AT_RESTART);

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getInt("recommendation.offsetMinutes")).isEqualTo(10);
        assertThat(verdict.getString("recommendation.schedulerStart")).isEqualTo("06:10");
    }

    @Test
    void listOfRecentRestartsInEpochMillis_usesTheOneNearestTheFailure() {
        stubJson("/restarts/listExec", fixture("json-recent-restarts.json"));

        JsonPath verdict = diagnose("listExec", "2024-06-12T06:01:00Z");

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("restartAt")).isEqualTo("2024-06-12T06:00:41Z");
    }

    @Test
    void observedRestartHoursBeforeTheFailure_isANoMatch() {
        stubJson("/restarts/jsonExec", fixture("json-last-restart.json"));

        JsonPath verdict = diagnose("jsonExec", FAILED_IN_THE_AFTERNOON);

        assertThat(verdict.getString("verdict")).isEqualTo("NO_MATCH");
        assertThat(verdict.getString("restartSource")).isEqualTo("HTTP_JSON");
        assertThat(verdict.getString("recommendation")).isNull();
    }

    @Test
    void restartReportedOnlyAfterTheFailure_cannotRuleOutAnEarlierOne_soTheScheduleDecides() {
        stubJson("/restarts/jsonExec", fixture("json-last-restart.json"));

        JsonPath verdict = diagnose("jsonExec", "2024-06-12T06:00:03Z");

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("restartSource")).isEqualTo("SCHEDULE");
        assertThat(verdict.getString("restartAt")).isEqualTo("2024-06-12T06:00:00Z");
        assertThat(verdict.getList("evidence", String.class)).anyMatch(e -> e.contains("cannot rule out"));
    }

    @Test
    void serverError_isRetriedOnce_thenAFailureApartFromTheScheduleIsInconclusive() {
        wiremock.register(get(urlPathEqualTo("/restarts/jsonExec")).willReturn(aResponse().withStatus(500)));

        JsonPath verdict = diagnose("jsonExec", FAILED_IN_THE_AFTERNOON);

        assertThat(verdict.getString("verdict")).isEqualTo("INCONCLUSIVE");
        assertThat(verdict.getString("restartSource")).isEqualTo("SCHEDULE");
        assertThat(verdict.getList("evidence", String.class)).anyMatch(e -> e.contains("HTTP 500"));
        wiremock.verifyThat(2, getRequestedFor(urlPathEqualTo("/restarts/jsonExec")));
    }

    @Test
    void serviceUnavailableThenAnswer_theRetryObservesTheRestart() {
        wiremock.register(get(urlPathEqualTo("/restarts/jsonExec")).inScenario("recovering")
                .whenScenarioStateIs(STARTED).willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        wiremock.register(get(urlPathEqualTo("/restarts/jsonExec")).inScenario("recovering")
                .whenScenarioStateIs("recovered").willReturn(JsonFault.json(fixture("json-last-restart.json"))));

        JsonPath verdict = diagnose("jsonExec", FAILED_AT_RESTART);

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("restartSource")).isEqualTo("HTTP_JSON");
        assertThat(verdict.getString("restartAt")).isEqualTo("2024-06-13T06:00:41Z");
        wiremock.verifyThat(2, getRequestedFor(urlPathEqualTo("/restarts/jsonExec")));
    }

    @Test
    void connectionRefused_fallsBackToTheSchedule_andSaysTheConnectionFailed() {
        JsonPath verdict = diagnose("refusedExec", FAILED_AT_RESTART);

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("restartSource")).isEqualTo("SCHEDULE");
        assertThat(verdict.getList("evidence", String.class)).anyMatch(e -> e.contains("connection failed"));
        assertThat(output.warningMessages()).anyMatch(l -> l.contains("refusedExec") && l.contains("connection failed"));
        wiremock.verifyThat(0, getRequestedFor(anyUrl()));
    }

    /** Each fault of a JSON source, the requests the policy allows for it, and the reason the evidence gives. */
    enum JsonFault {
        NOT_FOUND(aResponse().withStatus(404), 1, "HTTP 404"),
        SERVER_ERROR(aResponse().withStatus(500), 2, "HTTP 500"),
        // WireMock answers 0.5 s after the read timeout gave up: the case waits for that before the next one counts.
        HEADERS_LATER_THAN_THE_READ_TIMEOUT(json(fixture("json-last-restart.json")).withFixedDelay(1_500), 2,
                "timeout", Duration.ofMillis(800)),
        // A chunk every 50 ms, well within the read timeout, for 3 s: only the attempt timeout (2 s) ends it; WireMock
        // dribbles on for a second after, which the case waits for so that no later case counts its request.
        BODY_DRIBBLED_PAST_THE_ATTEMPT_TIMEOUT(json(fixture("json-last-restart.json"))
                .withChunkedDribbleDelay(60, 3_000), 2, "timeout", Duration.ofMillis(1_300)),
        HUGE_BODY(json(hugeJson()), 1, "response larger than 262144 bytes"),
        // A chunk every 100 ms for 4 s: refused as too large within the attempt timeout only because the
        // client streams the body and stops reading at the cap; a client buffering it would time out.
        // 200 chunks over 4 s: 20 ms apart, far inside the 1 s read timeout even on a loaded machine, so only
        // the size cap (after about 10 chunks) can end the attempt.
        HUGE_BODY_STILL_ARRIVING_WITHOUT_CONTENT_LENGTH(json(hugeJson()).withChunkedDribbleDelay(200, 4_000), 1,
                "response larger than 262144 bytes"),
        MAINTENANCE_PAGE(aResponse().withHeader("Content-Type", "text/html").withBody(fixture("maintenance-page.html")),
                1, "not JSON"),
        TRUNCATED_JSON(json(fixture("json-truncated.json")), 1, "not JSON"),
        REDIRECT_TO_ANOTHER_HOST(aResponse().withStatus(302)
                .withHeader("Location", "http://169.254.169.254/latest/meta-data/"), 1,
                "redirect to another location not followed");

        final ResponseDefinitionBuilder response;
        final int expectedRequests;
        final String reason;
        /** How long WireMock may still be answering after the function gave up. */
        final Duration answeringAfter;

        JsonFault(ResponseDefinitionBuilder response, int expectedRequests, String reason) {
            this(response, expectedRequests, reason, Duration.ZERO);
        }

        JsonFault(ResponseDefinitionBuilder response, int expectedRequests, String reason, Duration answeringAfter) {
            this.response = response;
            this.expectedRequests = expectedRequests;
            this.reason = reason;
            this.answeringAfter = answeringAfter;
        }

        private static ResponseDefinitionBuilder json(String body) {
            return aResponse().withHeader("Content-Type", "application/json").withBody(body);
        }

        /** 5 MB of valid JSON with a readable restart: only its size is wrong. */
        private static String hugeJson() {
            return "{\"lastRestart\":\"2024-06-13T06:00:41Z\",\"padding\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}";
        }
    }

    @ParameterizedTest
    @EnumSource(JsonFault.class)
    void failingJsonSource_fallsBackToTheSchedule_afterTheRequestsThePolicyAllows_withinItsWorstCase(JsonFault fault)
            throws InterruptedException {
        wiremock.register(get(urlPathEqualTo("/restarts/jsonExec")).willReturn(fault.response));

        Instant start = Instant.now();
        JsonPath verdict = diagnose("jsonExec", FAILED_AT_RESTART);
        Duration took = Duration.between(start, Instant.now());

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("restartSource")).isEqualTo("SCHEDULE");
        assertThat(verdict.getList("evidence", String.class)).anyMatch(e -> e.contains(fault.reason));
        wiremock.verifyThat(fault.expectedRequests, getRequestedFor(anyUrl()));
        assertThat(output.warningMessages()).anyMatch(l -> l.contains("jsonExec") && l.contains(fault.reason));
        // A hang guard, not a benchmark: twice the policy's worst case leaves room for a slow build machine.
        assertThat(took).isLessThan(WireMockProfile.worstCasePerInstance().multipliedBy(2));
        Thread.sleep(fault.answeringAfter.toMillis()); // its answers end within this case, not in the next one's count
    }

    @Test
    void jsonWithoutTheConfiguredPointer_fallsBackToTheSchedule() {
        stubJson("/restarts/jsonExec", "{\"uptime\": 3600}");

        JsonPath verdict = diagnose("jsonExec", FAILED_AT_RESTART);

        assertThat(verdict.getString("restartSource")).isEqualTo("SCHEDULE");
        assertThat(verdict.getList("evidence", String.class)).anyMatch(e -> e.contains("no value at JSON pointer /lastRestart"));
    }

    @Test
    void repeatedServerErrors_openTheBreaker_soTheNextInvocationSkipsTheSource() {
        wiremock.register(get(urlPathEqualTo("/restarts/jsonExec")).willReturn(aResponse().withStatus(503)));

        diagnose("jsonExec", FAILED_AT_RESTART);
        diagnose("jsonExec", FAILED_AT_RESTART);
        JsonPath third = diagnose("jsonExec", FAILED_AT_RESTART);

        wiremock.verifyThat(4, getRequestedFor(urlPathEqualTo("/restarts/jsonExec")));
        assertThat(third.getString("verdict")).isEqualTo("MATCH");
        assertThat(third.getList("evidence", String.class)).anyMatch(e -> e.contains("breaker is open"));
    }

    @Test
    void monitorXml_givesTheWebProcessStart_andSendsTheConfiguredHeaderWithoutLoggingIt() {
        wiremock.register(get(urlPathEqualTo("/xmlExec/nl/jsp/monitor.jsp")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody(fixture("monitor.xml"))));

        String answer = invokeWith(notification("xmlExec", FAILED_AT_RESTART)).prettify();
        JsonPath verdict = JsonPath.from(answer);

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("restartSource")).isEqualTo("MONITOR_XML");
        assertThat(verdict.getString("restartAt")).isEqualTo("2024-06-13T06:00:41Z");
        wiremock.verifyThat(1, getRequestedFor(urlPathEqualTo("/xmlExec/nl/jsp/monitor.jsp"))
                .withHeader("Cookie", equalTo(WireMockProfile.SESSION_COOKIE)));
        assertThat(answer).doesNotContain("s3cr3t");
    }

    @Test
    void failingMonitorSource_neverLogsTheTokenInItsUrlOrHeader() {
        wiremock.register(get(urlPathEqualTo("/xmlExec/nl/jsp/monitor.jsp")).willReturn(aResponse().withStatus(500)));

        String answer = invokeWith(notification("xmlExec", FAILED_AT_RESTART)).prettify();

        assertThat(output.messages()).anyMatch(l -> l.contains("xmlExec") && l.contains("/nl/jsp/monitor.jsp"));
        assertThat(output.messages()).noneMatch(l -> l.contains("s3cr3t"));
        assertThat(answer).doesNotContain("s3cr3t");
    }

    @Test
    void monitorXmlWithAnExternalEntity_isRejectedUnread() {
        wiremock.register(get(urlPathEqualTo("/xmlExec/nl/jsp/monitor.jsp")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody(fixture("monitor-xxe.xml"))));

        JsonPath verdict = diagnose("xmlExec", FAILED_AT_RESTART);

        assertThat(verdict.getString("restartSource")).isEqualTo("SCHEDULE");
        assertThat(verdict.getList("evidence", String.class)).anyMatch(e -> e.contains("MONITOR_XML restart source gave no usable answer"));
    }

    enum MonitorFault {
        NOT_FOUND(aResponse().withStatus(404), 1, "HTTP 404"),
        SERVER_ERROR(aResponse().withStatus(500), 2, "HTTP 500"),
        TIMEOUT(aResponse().withFixedDelay(1_500).withBody(fixture("monitor.xml")), 2, "timeout"),
        MAINTENANCE_PAGE(aResponse().withHeader("Content-Type", "text/html").withBody(fixture("maintenance-page.html")),
                1, "no <process> named web@*"),
        PING_PAGE_INSTEAD(aResponse().withHeader("Content-Type", "text/plain").withBody(fixture("ping-jsp.txt")),
                1, "not well-formed XML"),
        TRUNCATED_XML(aResponse().withHeader("Content-Type", "text/xml").withBody(fixture("monitor-truncated.xml")),
                1, "not well-formed XML"),
        NO_WEB_PROCESS(aResponse().withHeader("Content-Type", "text/xml")
                .withBody(fixture("monitor-without-web-process.xml")), 1, "no <process> named web@*");

        final ResponseDefinitionBuilder response;
        final int expectedRequests;
        final String reason;

        MonitorFault(ResponseDefinitionBuilder response, int expectedRequests, String reason) {
            this.response = response;
            this.expectedRequests = expectedRequests;
            this.reason = reason;
        }
    }

    @ParameterizedTest
    @EnumSource(MonitorFault.class)
    void failingMonitorXml_fallsBackToTheSchedule_afterTheRequestsThePolicyAllows(MonitorFault fault) {
        wiremock.register(get(urlPathEqualTo("/xmlExec/nl/jsp/monitor.jsp")).willReturn(fault.response));

        JsonPath verdict = diagnose("xmlExec", FAILED_AT_RESTART);

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("restartSource")).isEqualTo("SCHEDULE");
        assertThat(verdict.getList("evidence", String.class)).anyMatch(e -> e.contains(fault.reason));
        wiremock.verifyThat(fault.expectedRequests, getRequestedFor(urlPathEqualTo("/xmlExec/nl/jsp/monitor.jsp")));
    }

    @Test
    void audit_reportsObservedRestartsAndUnknownWhenASourceFails() {
        stubJson("/restarts/jsonExec", fixture("json-last-restart.json"));
        wiremock.register(get(urlPathEqualTo("/restarts/listExec")).willReturn(aResponse().withStatus(500)));
        wiremock.register(get(urlPathEqualTo("/xmlExec/nl/jsp/monitor.jsp")).willReturn(aResponse()
                .withHeader("Content-Type", "text/xml").withBody(fixture("monitor.xml"))));

        JsonPath report = invoke("events/scheduled-audit.json");

        // The profile's hanging instances (AuditOfHangingSourcesTest's) are unstubbed here: UNKNOWN, left out below.
        String ours = "instances.findAll { !it.instance.startsWith('hang') }";
        assertThat(report.getList(ours + ".instance")).containsExactly("jsonExec", "listExec", "mcExec1", "refusedExec",
                "xmlExec");
        assertThat(report.getList(ours + ".status")).containsExactly("AT_RISK", "UNKNOWN", "AT_RISK", "UNKNOWN",
                "AT_RISK");
        assertThat(report.getString(ours + "[0].restartSource")).isEqualTo("HTTP_JSON");
        assertThat(report.getString(ours + "[0].recommendation.schedulerStart")).isEqualTo("06:05");
    }

    @Test
    void urlOrHostGivenAsThePayloadsInstance_isNeverCalled_andTheVerdictSaysItIsNotConfigured() {
        stubJson("/restarts/jsonExec", fixture("json-last-restart.json"));
        String port = ConfigProvider.getConfig().getValue("quarkus.wiremock.devservices.port", String.class);

        for (String instance : new String[] {"http://localhost:" + port + "/restarts/jsonExec", "localhost:" + port,
                "169.254.169.254"}) {
            JsonPath verdict = invokeWith("{\"workflow\":\"mcSynch_jsonExec\",\"instance\":\"" + instance + "\","
                    + "\"failedAt\":\"" + FAILED_AT_RESTART + "\",\"error\":\"Empty return for method 'Logon' of "
                    + "service 'xtk:session'.\"}");

            assertThat(verdict.getString("restartSource")).isEqualTo("SCHEDULE");
            assertThat(verdict.getList("evidence", String.class)).anyMatch(e -> e.contains("is not configured"));
        }
        wiremock.verifyThat(0, anyRequestedFor(anyUrl()));
    }

    private JsonPath diagnose(String instance, String failedAt) {
        return invokeWith(notification(instance, failedAt));
    }

    private static String notification(String instance, String failedAt) {
        return "{\"workflow\":\"mcSynch_" + instance + "\",\"failedAt\":\"" + failedAt + "\","
                + "\"error\":\"Empty return for method 'Logon' of service 'xtk:session'.\"}";
    }

    private void stubJson(String path, String body) {
        wiremock.register(get(urlPathEqualTo(path)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String fixture(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/restart-sources", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
