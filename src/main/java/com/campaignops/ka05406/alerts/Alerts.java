package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.sweep.SweepReport;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        this.enabled = Stream.of(ChannelName.values()).anyMatch(name -> configured(name.settings(config)));
    }

    /** Whether a channel is configured at all: cheap, reads no secret. */
    static boolean configured(AlertsConfig.Channel channel) {
        return Stream.of(channel.url(), channel.urlParameter(), channel.urlSecretId())
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
        return send(() -> Finding.toSend(report), report, budget);
    }

    /** The scheduled sweep's findings of its own period, sent; empty when there was nothing or nowhere to send. */
    public Optional<Alerted> deliver(SweepReport report, Budget budget) {
        return send(() -> Finding.toSend(report), report, budget);
    }

    /**
     * An on-demand verdict, sent when it is a MATCH and {@code on-demand-match} is set; else empty.
     *
     * @param onDemandAllowed {@code false} for an answer that must not alert on demand (a replayed webhook request)
     */
    public Optional<Alerted> deliver(Diagnosis diagnosis, boolean onDemandAllowed, Budget budget) {
        return send(() -> Finding.toSend(diagnosis, onDemandAllowed && config.onDemandMatch()), diagnosis, budget);
    }

    private Optional<Alerted> send(Supplier<List<Finding>> toSend, Object answer, Budget budget) {
        List<Finding> findings = enabled ? toSend.get() : List.of();
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(dispatcher.deliver(findings, mapper.valueToTree(answer), budget));
        } catch (RuntimeException e) {
            LOG.error("Alerts not sent: unexpected failure", e);
            return Optional.empty();
        }
    }
}
