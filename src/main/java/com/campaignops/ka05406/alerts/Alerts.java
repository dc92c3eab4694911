package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.outbound.Budget;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * The one entry point the handler calls with each answer. With no channel configured it returns the answer
 * as it is and nothing else of alerts/ is loaded: no channel, client, executor or secret read. Otherwise CDI creates
 * the dispatcher on first use (never during init, which SnapStart snapshots). Never throws, never changes a verdict
 * or a report: at most it adds {@code alerts} to what is answered.
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);

    private final AlertsConfig config;
    private final AlertDispatcher dispatcher;
    private final boolean enabled;

    Alerts(AlertsConfig config, AlertDispatcher dispatcher) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.enabled = anyConfigured(config);
    }

    /** Whether any channel is configured at all: cheap, reads no secret, loads no other alert class. */
    static boolean anyConfigured(AlertsConfig config) {
        return Stream.of(config.slack().url(), config.slack().urlParameter(), config.slack().urlSecretId(),
                        config.teams().url(), config.teams().urlParameter(), config.teams().urlSecretId(),
                        config.webhook().url(), config.webhook().urlParameter(), config.webhook().urlSecretId())
                .anyMatch(value -> value.isPresent() && !value.get().isBlank());
    }

    /**
     * The time the sends need at the end of an invocation, so the phases before them leave it: one attempt, the
     * channels being sent side by side; none with no channel.
     */
    public Duration timeNeeded() {
        return enabled ? config.connectTimeout().plus(config.attemptTimeout()) : Duration.ZERO;
    }

    /**
     * @param onDemandAllowed {@code false} for an answer that must not alert on demand (a replayed webhook request)
     * @return {@code answer} itself, or an {@link Alerted} wrapping it when findings were sent
     */
    public Object deliver(Object answer, boolean onDemandAllowed, Budget budget) {
        if (!enabled) {
            return answer;
        }
        try {
            return dispatcher.deliver(answer, onDemandAllowed && config.onDemandMatch(), budget);
        } catch (RuntimeException e) {
            LOG.error("Alerts not sent: unexpected failure", e);
            return answer;
        }
    }
}
