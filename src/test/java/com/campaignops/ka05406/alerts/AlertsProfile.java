package com.campaignops.ka05406.alerts;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * All three channels pointing at WireMock: Slack and the generic webhook by URL, Teams by an SSM parameter read
 * through the Parameters and Secrets extension (WireMock again). Three instances so one audit is AT_RISK, CLEAR and
 * UNKNOWN. Timeouts are generous, so that a healthy local answer never reaches them even on a busy box (the suite
 * runs beside other builds); a receiver that does not answer in time is one delayed well beyond them
 * ({@link #LATE_MS}). In the same start, the webhook's own
 * signing secret comes from Secrets Manager through that extension (SecretsManagerSecretTest): only signed webhook
 * calls read it, and no alert test makes one, so the two share one Quarkus start instead of two. CampaignModesTest
 * builds its own Campaign reader here too: with no Campaign URL configured, the application builds none.
 */
public class AlertsProfile implements QuarkusTestProfile {

    static final String WIREMOCK = "http://localhost:${quarkus.wiremock.devservices.port}";
    /** The secret parts of each URL: they must never reach a log line or an answer. */
    static final String SLACK_TOKEN = "slack-url-token-1f3a77";
    static final String TEAMS_SIG = "teams-url-sig-9b2c01";
    static final String SLACK_PATH = "/services/T0000/B0000/" + SLACK_TOKEN;
    static final String TEAMS_PATH = "/workflows/abc/triggers/manual/paths/invoke";
    static final String TEAMS_QUERY = "?api-version=2016-06-01&sig=" + TEAMS_SIG;
    static final String TEAMS_PARAMETER = "/campaign/ka05406/teams-url";
    static final String RECEIVER_PATH = "/alerts/receiver";
    static final String RECEIVER_SECRET = "receiver-signing-secret-5e1d";
    /** The Secrets Manager secret holding the webhook's signing secrets, as {"current", "previous"}. */
    public static final String WEBHOOK_SECRET_ID = "campaign/ka05406/webhook";
    /** One attempt's deadline: seconds above what WireMock takes on a loaded 2-core box, yet short for a test. */
    static final int ATTEMPT_TIMEOUT_MS = 3_000;
    /** A receiver that answers this late has missed the attempt's deadline by 2 s, far above a loaded box's pauses. */
    static final int LATE_MS = ATTEMPT_TIMEOUT_MS + 2_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("restart-check.alerts.slack.url", WIREMOCK + SLACK_PATH),
                Map.entry("restart-check.alerts.teams.url-parameter", TEAMS_PARAMETER),
                Map.entry("restart-check.alerts.webhook.url", WIREMOCK + RECEIVER_PATH),
                Map.entry("restart-check.alerts.webhook.signing-secret", RECEIVER_SECRET),
                Map.entry("restart-check.alerts.on-demand-match", "true"),
                Map.entry("restart-check.alerts.connect-timeout", "PT2S"),
                Map.entry("restart-check.alerts.attempt-timeout", "PT" + ATTEMPT_TIMEOUT_MS / 1000 + "S"),
                Map.entry("restart-check.alerts.retry-delay", "PT0.01S"),
                Map.entry("restart-check.alerts.max-retry-after", "PT1S"),
                // Read at every send, so each test sees the extension's answer.
                Map.entry("restart-check.alerts.secret-cache-ttl", "PT0S"),
                Map.entry("restart-check.webhook.secrets-extension-url", WIREMOCK),
                Map.entry("restart-check.webhook.secret", ""),
                Map.entry("restart-check.webhook.secret-id", WEBHOOK_SECRET_ID),
                Map.entry("restart-check.instances.clearExec.workflow-schedule.first-run", "00:30"),
                Map.entry("restart-check.instances.clearExec.server-time-zone", "UTC"),
                Map.entry("restart-check.instances.unknownExec.restart-url", "http://127.0.0.1:1/restarts"),
                Map.entry("restart-check.instances.unknownExec.server-time-zone", "UTC"),
                Map.entry("restart-check.http.connect-timeout", "PT0.3S"),
                Map.entry("restart-check.http.retry-delay", "PT0.01S"),
                Map.entry("restart-check.http.retry-jitter", "PT0.005S"),
                Map.entry("quarkus.log.category.\"io.quarkiverse.wiremock\".level", "WARN"));
    }
}
