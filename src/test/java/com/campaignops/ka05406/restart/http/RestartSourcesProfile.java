package com.campaignops.ka05406.restart.http;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Execution instances whose restart times come from WireMock, with timeouts and breaker delays short
 * enough for fault tests to run in milliseconds.
 */
public class RestartSourcesProfile implements QuarkusTestProfile {

    static final String SECRET = "__sessiontoken=s3cr3t-token-never-logged";
    private static final String WIREMOCK = "http://localhost:${quarkus.wiremock.devservices.port}";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("restart-check.instances.jsonExec.restart-url", WIREMOCK + "/restarts/jsonExec"),
                Map.entry("restart-check.instances.listExec.restart-url", WIREMOCK + "/restarts/listExec"),
                Map.entry("restart-check.instances.listExec.json-pointer", "/restarts"),
                Map.entry("restart-check.instances.xmlExec.restart-url",
                        WIREMOCK + "/xmlExec/nl/jsp/monitor.jsp?format=xml&__sessiontoken=query-s3cr3t"),
                Map.entry("restart-check.instances.xmlExec.restart-format", "monitor-xml"),
                Map.entry("restart-check.instances.xmlExec.auth-header-name", "Cookie"),
                Map.entry("restart-check.instances.xmlExec.auth-header-value", SECRET),
                Map.entry("restart-check.http.connect-timeout", "PT0.5S"),
                Map.entry("restart-check.http.read-timeout", "PT0.3S"),
                Map.entry("restart-check.http.max-retries", "1"),
                Map.entry("restart-check.http.retry-delay", "PT0.01S"),
                Map.entry("restart-check.http.breaker-request-volume", "4"),
                Map.entry("restart-check.http.breaker-failure-ratio", "0.75"),
                Map.entry("restart-check.http.breaker-delay", "PT60S"));
    }
}
