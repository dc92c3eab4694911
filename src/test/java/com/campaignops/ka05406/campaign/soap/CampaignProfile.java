package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.FixedClock;
import com.campaignops.ka05406.config.TestSettings;
import org.eclipse.microprofile.config.ConfigProvider;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A control instance in WireMock, logged on with a login and a password that needs escaping; short
 * timeouts so each fault case takes a second or two; now fixed the morning after the journals. Campaign's own
 * timeouts leave room for a query answered in 2.5 s; one Slack channel (WireMock again) receives what a
 * scheduled sweep alerts, so the time-budget test sees every phase.
 */
public class CampaignProfile implements QuarkusTestProfile {

    /** XML's five special characters: the envelope must escape them, never concatenate them. */
    public static final String PASSWORD = "p&ss<w0rd>'\"-never-logged";
    /** Where the Slack channel posts. */
    public static final String SLACK_PATH = "/alerts/slack";
    private static final String WIREMOCK = "http://localhost:${quarkus.wiremock.devservices.port}";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FixedClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("restart-check.campaign.url", WIREMOCK + "/acme"),
                Map.entry("restart-check.campaign.login", "sweep"),
                Map.entry("restart-check.campaign.password", PASSWORD),
                Map.entry("restart-check.campaign.page-size", "200"),
                Map.entry("restart-check.campaign.max-response-bytes", "262144"),
                Map.entry("restart-check.campaign.deadline", "PT20S"),
                // Shorter than the defaults (5 s, 6 s), so that a slow Campaign costs its tests less time; still 0.5 s
                // over the 2.5 s a busy Campaign's answer takes in SweepTimeBudgetTest.
                Map.entry("restart-check.campaign.read-timeout", "PT3S"),
                Map.entry("restart-check.campaign.attempt-timeout", "PT3.5S"),
                Map.entry("restart-check.alerts.slack.url", WIREMOCK + SLACK_PATH),
                Map.entry("restart-check.alerts.connect-timeout", "PT0.5S"),
                Map.entry("restart-check.alerts.attempt-timeout", "PT1S"),
                Map.entry("restart-check.scheduled-restart.server-time-zone", "Europe/Paris"),
                Map.entry("restart-check.instances.primary.server-time-zone", "Europe/Paris"),
                Map.entry("restart-check.instances.second.name", "mcExec2"),
                Map.entry("restart-check.http.connect-timeout", "PT0.5S"),
                Map.entry("restart-check.http.read-timeout", "PT0.5S"),
                // Roomy: it also covers the first call's class loading; the read timeout stops a silent server sooner.
                Map.entry("restart-check.http.attempt-timeout", "PT2S"),
                Map.entry("restart-check.http.max-retries", "1"),
                Map.entry("restart-check.http.retry-delay", "PT0.01S"),
                Map.entry("restart-check.http.retry-jitter", "PT0.005S"),
                Map.entry("restart-check.http.breaker-delay", "PT60S"),
                Map.entry("quarkus.log.category.\"io.quarkiverse.wiremock\".level", "WARN"));
    }

    /**
     * These settings as the running start resolved them (WireMock's port filled in), with the test profile's
     * instance: for a test that builds its own reader or function in this start, changing what it needs.
     */
    public static Map<String, String> resolvedSettings() {
        Map<String, String> settings = new HashMap<>(TestSettings.embeddedDefault());
        new CampaignProfile().getConfigOverrides().forEach((key, value) -> settings.put(key,
                value.replace(WIREMOCK, wiremockUrl())));
        return settings;
    }

    /** WireMock's address in the running start. */
    public static String wiremockUrl() {
        return "http://localhost:"
                + ConfigProvider.getConfig().getValue("quarkus.wiremock.devservices.port", Integer.class);
    }
}
