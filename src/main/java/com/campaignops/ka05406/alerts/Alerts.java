package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.sweep.SweepReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one entry point, one method per answer type, called by each kind of the handler's sealed outcome. With no
 * channel configured it answers empty and nothing else of alerts/ is loaded: no channel, client, executor or secret
 * read. Otherwise CDI creates the dispatcher on first use (never during init, which SnapStart snapshots). Never
 * throws, never changes a verdict or a report: at most it gives the answer, serialised once, with {@code alerts}
 * added, within the invocation's time budget.
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);

    private final AlertsConfig config;
    private final AlertDispatcher dispatcher;
    private final ObjectMapper mapper;
    private final boolean enabled;

    Alerts(AlertsConfig config, AlertDispatcher dispatcher, ObjectMapper mapper) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
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

    /** The scheduled audit's findings, sent; empty when there was nothing to send or nowhere to send it. */
    public Optional<Alerted> deliver(AuditReport report, Budget budget) {
        return enabled ? send(FindingSources.toSend(report), () -> mapper.valueToTree(report), budget)
                : Optional.empty();
    }

    /** The scheduled sweep's findings of its own period, sent; empty when there was nothing or nowhere to send. */
    public Optional<Alerted> deliver(SweepReport report, Budget budget) {
        return enabled ? send(FindingSources.toSend(report), () -> mapper.valueToTree(report), budget)
                : Optional.empty();
    }

    /**
     * An on-demand verdict, sent when it is a MATCH and {@code on-demand-match} is set; else empty.
     *
     * @param onDemandAllowed {@code false} for an answer that must not alert on demand (a replayed webhook request)
     */
    public Optional<Alerted> deliver(Diagnosis diagnosis, boolean onDemandAllowed, Budget budget) {
        return enabled ? send(FindingSources.toSend(diagnosis, onDemandAllowed && config.onDemandMatch()),
                () -> mapper.valueToTree(diagnosis), budget) : Optional.empty();
    }

    private Optional<Alerted> send(List<Finding> findings, Supplier<ObjectNode> answer, Budget budget) {
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        try {
            return dispatcher.hasChannels() ? Optional.of(dispatcher.deliver(findings, answer.get(), budget))
                    : Optional.empty();
        } catch (RuntimeException e) {
            LOG.error("Alerts not sent: unexpected failure", e);
            return Optional.empty();
        }
    }
}
