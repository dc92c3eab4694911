package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.SignedWebhooks;
import com.campaignops.ka05406.secrets.SecretStore;
import com.campaignops.ka05406.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static com.campaignops.ka05406.alerts.AlertsProfile.ATTEMPT_TIMEOUT_MS;
import static com.campaignops.ka05406.alerts.AlertsProfile.RECEIVER_PATH;
import static com.campaignops.ka05406.alerts.AlertsProfile.RECEIVER_SECRET;
import static com.campaignops.ka05406.alerts.AlertsProfile.LATE_MS;
import static com.campaignops.ka05406.alerts.AlertsProfile.SLACK_PATH;
import static com.campaignops.ka05406.alerts.AlertsProfile.SLACK_TOKEN;
import static com.campaignops.ka05406.alerts.AlertsProfile.TEAMS_PARAMETER;
import static com.campaignops.ka05406.alerts.AlertsProfile.TEAMS_PATH;
import static com.campaignops.ka05406.alerts.AlertsProfile.TEAMS_QUERY;
import static com.campaignops.ka05406.alerts.AlertsProfile.TEAMS_SIG;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts end to end: a scheduled audit (or an on-demand MATCH) goes in through the handler, and WireMock
 * receives what Slack, Teams and a generic webhook would. Each receiver failure must leave the verdict and the
 * report as they are, after exactly the requests the policy allows, recorded in {@code alerts} and a WARN line.
 */
@QuarkusTest
@TestProfile(AlertsProfile.class)
@ConnectWireMock
class AlertDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNCONFIRMED = "timeout: no answer within " + ATTEMPT_TIMEOUT_MS + " ms; it may have arrived, so it is not "
            + "posted again";

    WireMock wiremock;

    @ConfigProperty(name = "quarkus.wiremock.devservices.port")
    int port;

    /** Forgotten before each test: a URL read by an earlier test would stay in use while the extension fails. */
    @Inject
    SecretStore secrets;

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> warningRequestIds = new CopyOnWriteArrayList<>();
    private final ExtHandler logCapture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            record.copyAll();
            String line = record.getFormattedMessage() + " " + record.getMdcCopy()
                    + (record.getThrown() == null ? "" : " " + record.getThrown());
            logLines.add(line);
            if (record.getLevel() == Level.WARN && record.getLoggerName().startsWith("com.campaignops")) {
                warnings.add(record.getFormattedMessage());
                warningRequestIds.add(String.valueOf(record.getMdcCopy().get("requestId")));
            }
        }
    };
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private PrintStream originalOut;

    @BeforeEach
    void receivers() {
        secrets.forget();
        wiremock.resetRequests();
        wiremock.removeMappings();
        wiremock.register(get(urlPathEqualTo("/systemsmanager/parameters/get"))
                .withQueryParam("name", equalTo(TEAMS_PARAMETER)).withQueryParam("withDecryption", equalTo("true"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        "{\"Parameter\": {\"Name\": \"" + TEAMS_PARAMETER + "\", \"Type\": \"SecureString\", \"Value\": \"http://localhost:"
                                + port + TEAMS_PATH + TEAMS_QUERY.replace("&", "\\u0026") + "\"}}")));
        // The root logger: every category, Quarkus' and the REST client's included.
        Logger.getLogger("").addHandler(logCapture);
        originalOut = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        System.setOut(originalOut);
        Logger.getLogger("").removeHandler(logCapture);
    }

    @Test
    void scheduledAudit_sendsOneMessageToEachChannel_withTheFindingsOnly_andRecordsEachDelivery() throws IOException {
        receive(SLACK_PATH, aResponse().withStatus(200).withBody("ok"));
        receive(TEAMS_PATH, aResponse().withStatus(202));
        receive(RECEIVER_PATH, aResponse().withStatus(204));

        JsonPath report = invoke("events/scheduled-audit.json");

        assertThat(statuses(report)).containsExactlyInAnyOrderEntriesOf(
                Map.of("mcExec1", "AT_RISK", "clearExec", "CLEAR", "unknownExec", "UNKNOWN"));
        assertThat(alerts(report)).containsExactlyInAnyOrder("slack true HTTP 200", "teams true HTTP 202",
                "webhook true HTTP 204");
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(SLACK_PATH)));
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(TEAMS_PATH)).withQueryParam("sig", equalTo(TEAMS_SIG)));
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(RECEIVER_PATH)));

        LoggedRequest slack = only(SLACK_PATH);
        assertThat(slack.getHeader("Content-Type")).startsWith("application/json");
        assertThat(slack.containsHeader("X-Webhook-Signature")).isFalse();
        JsonNode blocks = JSON.readTree(slack.getBodyAsString()).path("blocks");
        assertThat(blocks.size()).isBetween(1, 50);
        assertThat(blocks.toString()).contains("At risk: mcSynch_mcExec1")
                .contains("Could not be checked: mcSynch_unknownExec").doesNotContain("clearExec")
                .contains("Start at 06:05 (UTC), keep every 60 min.");

        JsonNode teams = JSON.readTree(only(TEAMS_PATH).getBodyAsString());
        assertThat(teams.path("type").asText()).isEqualTo("message");
        assertThat(teams.path("attachments").get(0).path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(teams.path("attachments").get(0).path("content").path("version").asText()).isEqualTo("1.5");

        LoggedRequest receiver = only(RECEIVER_PATH);
        byte[] body = receiver.getBody();
        assertThat(new WebhookSignature(Duration.ofMinutes(5)).verify(receiver.getHeader("X-Webhook-Timestamp"),
                receiver.getHeader("X-Webhook-Signature"), body,
                List.of(RECEIVER_SECRET.getBytes(StandardCharsets.UTF_8)), Instant.now()))
                .isEqualTo(WebhookSignature.Check.VALID);
        JsonNode sent = JSON.readTree(body);
        assertThat(sent.path("findings").size()).isEqualTo(2);
        assertThat(sent.path("report").path("instances").size()).isEqualTo(3);

        JsonNode emf = emfLine();
        assertThat(emf.path("AlertsSent").asDouble()).isEqualTo(3.0);
        assertThat(emf.path("AlertsFailed").asDouble()).isZero();
        assertThat(emf.path("AtRisk").asDouble()).isEqualTo(1.0);
        assertThat(warnings).noneMatch(w -> w.startsWith("Alert to"));
    }

    @Test
    void transientFailures_areRetriedOnce_permanentOnesNot_andNoneChangesTheReport() throws IOException {
        // Slack: 503 then 200. Teams: 500 every time. The generic webhook: 404.
        wiremock.register(post(urlPathEqualTo(SLACK_PATH)).inScenario("slack").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        wiremock.register(post(urlPathEqualTo(SLACK_PATH)).inScenario("slack").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        receive(TEAMS_PATH, aResponse().withStatus(500));
        receive(RECEIVER_PATH, aResponse().withStatus(404));

        JsonPath report = invoke("events/scheduled-audit.json");

        assertThat(statuses(report)).containsExactlyInAnyOrderEntriesOf(
                Map.of("mcExec1", "AT_RISK", "clearExec", "CLEAR", "unknownExec", "UNKNOWN"));
        assertThat(alerts(report)).containsExactlyInAnyOrder("slack true HTTP 200",
                "teams false HTTP 500 after 2 attempts", "webhook false HTTP 404");
        wiremock.verifyThat(2, postRequestedFor(urlPathEqualTo(SLACK_PATH)));
        wiremock.verifyThat(2, postRequestedFor(urlPathEqualTo(TEAMS_PATH)));
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(RECEIVER_PATH)));
        assertThat(warnings).contains("Alert to teams not delivered (2 finding(s)): HTTP 500 after 2 attempts",
                "Alert to webhook not delivered (2 finding(s)): HTTP 404");
        // Each WARN names the invocation it belongs to.
        assertThat(warningRequestIds).isNotEmpty().allMatch(id -> !id.equals("null") && !id.isBlank());
        JsonNode emf = emfLine();
        assertThat(emf.path("AlertsSent").asDouble()).isEqualTo(1.0);
        assertThat(emf.path("AlertsFailed").asDouble()).isEqualTo(2.0);
        assertThat(emf.path("Errors").asDouble()).isZero();
    }

    @Test
    void aReceiverThatDoesNotAnswer_isCutAtTheAttemptTimeout_andNotPostedAgain_asTheMessageMayHaveArrived()
            throws Exception {
        receive(SLACK_PATH, aResponse().withStatus(200).withFixedDelay(LATE_MS));
        receive(TEAMS_PATH, aResponse().withStatus(200));
        receive(RECEIVER_PATH, aResponse().withStatus(200));

        long start = System.nanoTime();
        JsonPath report = invoke("events/scheduled-audit.json");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(alerts(report)).contains("slack unconfirmed " + UNCONFIRMED, "teams true HTTP 200",
                "webhook true HTTP 200");
        // Cut at the attempt's deadline (3 s), not held until the receiver answers (5 s).
        assertThat(took).isLessThan(Duration.ofMillis(LATE_MS));
        assertThat(warnings).anyMatch(w -> w.startsWith("Alert to slack not delivered") && w.contains("timeout"));
        JsonNode emf = emfLine();
        assertThat(emf.path("AlertsSent").asDouble()).isEqualTo(2.0);
        assertThat(emf.path("AlertsFailed").asDouble()).isEqualTo(1.0);
        // Journaled when WireMock sends its delayed answer: counted after it.
        Thread.sleep(Math.max(0, LATE_MS + 500 - Duration.ofNanos(System.nanoTime() - start).toMillis()));
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(SLACK_PATH)));
    }

    @Test
    void aReplayedSignedRequest_isAnsweredAgain_butSendsNoSecondAlert() throws IOException {
        receive(SLACK_PATH, aResponse().withStatus(200));
        receive(TEAMS_PATH, aResponse().withStatus(200));
        receive(RECEIVER_PATH, aResponse().withStatus(200));
        // In this start the webhook's signing secret comes from Secrets Manager (AlertsProfile).
        wiremock.register(get(urlPathEqualTo("/secretsmanager/get"))
                .withQueryParam("secretId", equalTo(AlertsProfile.WEBHOOK_SECRET_ID))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                        Files.readString(Path.of("src/test/resources/secrets/secretsmanager-get-secret-value.json")))));
        String signed = SignedWebhooks.signed(Files.readString(Path.of("events/http-api-webhook.json")),
                "sm-current-secret-4f7a", Instant.now());

        JsonPath first = invokeWith(signed);
        JsonPath replayed = invokeWith(signed);

        assertThat(JsonPath.from(first.getString("body")).getString("verdict")).isEqualTo("MATCH");
        assertThat(JsonPath.from(first.getString("body")).getList("alerts")).hasSize(3);
        assertThat(replayed.getInt("statusCode")).isEqualTo(200);
        assertThat(JsonPath.from(replayed.getString("body")).getString("verdict")).isEqualTo("MATCH");
        assertThat(JsonPath.from(replayed.getString("body")).getMap("$")).doesNotContainKey("alerts");
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(SLACK_PATH)));
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(TEAMS_PATH)));
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(RECEIVER_PATH)));
    }

    @Test
    void tooManyRequests_isRetriedAfterAShortRetryAfter_butNotAfterALongOne() {
        wiremock.register(post(urlPathEqualTo(SLACK_PATH)).inScenario("limited").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
        wiremock.register(post(urlPathEqualTo(SLACK_PATH)).inScenario("limited").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withBody("ok")));
        receive(TEAMS_PATH, aResponse().withStatus(429).withHeader("Retry-After", "120"));
        receive(RECEIVER_PATH, aResponse().withStatus(200));

        long start = System.nanoTime();
        JsonPath report = invoke("events/scheduled-audit.json");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(alerts(report)).contains("slack true HTTP 200",
                "teams false HTTP 429, Retry-After 120 s is longer than the 1000 ms allowed: not retried",
                "webhook true HTTP 200");
        wiremock.verifyThat(2, postRequestedFor(urlPathEqualTo(SLACK_PATH)));
        wiremock.verifyThat(1, postRequestedFor(urlPathEqualTo(TEAMS_PATH)));
        List<LoggedRequest> slack = wiremock.find(postRequestedFor(urlPathEqualTo(SLACK_PATH)));
        assertThat(Duration.between(slack.get(0).getLoggedDate().toInstant(), slack.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        // Not held for Teams' Retry-After (120 s): whatever the box's load, far less.
        assertThat(took).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void anUnreadableChannelUrl_failsThatChannelOnly_andNoUrlTokenOrSecretIsEverLoggedOrAnswered() {
        wiremock.removeMappings();
        wiremock.register(get(urlPathEqualTo("/systemsmanager/parameters/get"))
                .willReturn(aResponse().withStatus(500)));
        // Slack refused, the receiver slow: failures whose messages could carry a URL.
        receive(SLACK_PATH, aResponse().withStatus(403).withBody("invalid_token " + SLACK_TOKEN));
        receive(RECEIVER_PATH, aResponse().withStatus(200).withFixedDelay(LATE_MS));

        JsonPath report = invoke("events/scheduled-audit.json");

        assertThat(alerts(report)).containsExactlyInAnyOrder("slack false HTTP 403",
                "teams false not sent: the URL could not be read: the extension answered HTTP 500",
                "webhook unconfirmed " + UNCONFIRMED);
        wiremock.verifyThat(0, postRequestedFor(urlPathEqualTo(TEAMS_PATH)));
        wiremock.verifyThat(1, getRequestedFor(urlPathEqualTo("/systemsmanager/parameters/get")));
        String answered = report.prettify();
        String logged = String.join("\n", logLines) + stdout.toString(StandardCharsets.UTF_8);
        for (String secret : List.of(SLACK_TOKEN, TEAMS_SIG, RECEIVER_SECRET, SLACK_PATH, TEAMS_PATH, RECEIVER_PATH)) {
            assertThat(answered).doesNotContain(secret);
            assertThat(logged).doesNotContain(secret);
        }
        assertThat(warnings.stream().filter(w -> w.startsWith("Alert to"))).hasSize(3);
    }

    @Test
    void onDemandMatch_isSentWhenTheSettingAsks_butANoMatchIsNot() throws IOException {
        receive(SLACK_PATH, aResponse().withStatus(200));
        receive(TEAMS_PATH, aResponse().withStatus(200));
        receive(RECEIVER_PATH, aResponse().withStatus(200));

        JsonPath match = invoke("events/direct-invocation.json");
        assertThat(match.getString("verdict")).isEqualTo("MATCH");
        assertThat(alerts(match)).containsExactlyInAnyOrder("slack true HTTP 200", "teams true HTTP 200",
                "webhook true HTTP 200");
        assertThat(JSON.readTree(only(SLACK_PATH).getBodyAsString()).path("blocks").get(0).toString())
                .contains("mcSynch_mcExec1 failed at the execution server's restart");

        wiremock.resetRequests();
        JsonPath noMatch = invokeWith("""
                {"workflow": "mcSynch_mcExec1", "failedAt": "2024-06-13T14:00:00Z", "timeZone": "UTC",
                 "error": "Empty return for method 'Logon' of service 'xtk:session'."}""");
        assertThat(noMatch.getString("verdict")).isEqualTo("NO_MATCH");
        assertThat(noMatch.getMap("$")).doesNotContainKey("alerts");
        wiremock.verifyThat(0, anyRequestedFor(anyUrl()));
    }

    private void receive(String path, ResponseDefinitionBuilder response) {
        MappingBuilder mapping = post(urlPathEqualTo(path));
        wiremock.register(mapping.willReturn(response));
    }

    private LoggedRequest only(String path) {
        List<LoggedRequest> requests = wiremock.find(postRequestedFor(urlPathEqualTo(path)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static Map<String, String> statuses(JsonPath report) {
        List<Map<String, Object>> instances = report.getList("instances");
        return instances.stream().collect(java.util.stream.Collectors.toMap(i -> (String) i.get("instance"),
                i -> (String) i.get("status")));
    }

    private static List<String> alerts(JsonPath answer) {
        List<Map<String, Object>> alerts = answer.getList("alerts");
        assertThat(alerts).as("alerts recorded in the answer").isNotNull();
        return alerts.stream().map(a -> a.get("channel") + " " + a.get("delivered") + " " + a.get("status")).toList();
    }

    private JsonNode emfLine() throws IOException {
        List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"_aws\"")).toList();
        assertThat(lines).hasSize(1);
        return JSON.readTree(lines.get(0));
    }
}
