package com.campaignops.ka05406;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The function with its dependencies on WireMock, one Quarkus start for every test of them: execution instances
 * whose restart times come from WireMock, with timeouts short enough for a fault test to take a few seconds at
 * most and a breaker that stays open for the rest of a test (the {@code hang*} instances are
 * AuditOfHangingSourcesTest's); and the webhook secret in SSM Parameter Store, read through the Parameters and
 * Secrets Extension that WireMock stands in for (ParameterStoreSecretTest). Direct invocations and the audit, which
 * the restart-source tests use, never read the secret.
 */
public class WireMockProfile implements QuarkusTestProfile {

    /** The SecureString parameter holding the webhook secret. */
    public static final String SECRET_PARAMETER = "/campaign/ka05406/webhook-secret";

    /** Instances whose source AuditOfHangingSourcesTest makes hang, at {@code /hang/<name>}. */
    public static final List<String> HANGING = List.of("hangA", "hangB", "hangC", "hangD", "hangE", "hangF");
    /**
     * Short, so a source that never answers is cut quickly, yet far above any pause of a busy box between the chunks
     * of a healthy answer: at 0.3 s, a 2-core box running other builds paused WireMock's 20 ms chunk stream long
     * enough to turn a too-large body into a timeout.
     */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    /** The xmlExec instance's session cookie: a secret that must never be logged. */
    public static final String SESSION_COOKIE = "__sessiontoken=s3cr3t-token-never-logged";
    private static final String WIREMOCK = "http://localhost:${quarkus.wiremock.devservices.port}";
    /** Roomy: it also covers the first call's class loading, which took over a second on a loaded machine. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_DELAY = Duration.ofMillis(10);
    private static final Duration RETRY_JITTER = Duration.ofMillis(5);

    /** The longest one instance's fetch may take under this profile: two attempts and the pause between them. */
    public static Duration worstCasePerInstance() {
        return ATTEMPT_TIMEOUT.multipliedBy(2).plus(RETRY_DELAY).plus(RETRY_JITTER);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(sources());
        HANGING.forEach(name -> config.put("restart-check.instances." + name + ".restart-url", WIREMOCK + "/hang/" + name));
        config.putAll(Map.of("restart-check.webhook.secret", "",
                "restart-check.webhook.secret-parameter", SECRET_PARAMETER,
                "restart-check.webhook.secrets-extension-url", WIREMOCK,
                "restart-check.webhook.secret-cache-ttl", "PT1H"));
        return config;
    }

    private static Map<String, String> sources() {
        return Map.ofEntries(
                Map.entry("restart-check.instances.jsonExec.restart-url", WIREMOCK + "/restarts/jsonExec"),
                Map.entry("restart-check.instances.listExec.restart-url", WIREMOCK + "/restarts/listExec"),
                Map.entry("restart-check.instances.listExec.json-pointer", "/restarts"),
                Map.entry("restart-check.instances.xmlExec.restart-url",
                        WIREMOCK + "/xmlExec/nl/jsp/monitor.jsp?format=xml&__sessiontoken=query-s3cr3t"),
                Map.entry("restart-check.instances.xmlExec.restart-format", "monitor-xml"),
                Map.entry("restart-check.instances.xmlExec.auth-header-name", "Cookie"),
                Map.entry("restart-check.instances.xmlExec.auth-header-value", SESSION_COOKIE),
                // Port 1 on loopback: nothing listens there, so the connection is refused at once.
                Map.entry("restart-check.instances.refusedExec.restart-url", "http://127.0.0.1:1/restarts/refusedExec"),
                // The schedule that stands in for a failed source is in a known zone, as in a real deployment.
                Map.entry("restart-check.scheduled-restart.server-time-zone", "UTC"),
                Map.entry("restart-check.http.connect-timeout", "PT0.5S"),
                Map.entry("restart-check.http.read-timeout", READ_TIMEOUT.toString()),
                Map.entry("restart-check.http.max-retries", "1"),
                Map.entry("restart-check.http.attempt-timeout", ATTEMPT_TIMEOUT.toString()),
                Map.entry("restart-check.http.retry-delay", RETRY_DELAY.toString()),
                Map.entry("restart-check.http.retry-jitter", RETRY_JITTER.toString()),
                Map.entry("restart-check.http.breaker-request-volume", "4"),
                Map.entry("restart-check.http.breaker-failure-ratio", "0.75"),
                Map.entry("restart-check.http.breaker-delay", "PT60S"),
                // WireMock logs every request and stub in full: megabytes for the huge-body cases.
                Map.entry("quarkus.log.category.\"io.quarkiverse.wiremock\".level", "WARN"));
    }
}
