package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.webhook.ParametersAndSecrets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The one entry point, one method per answer type, called by each kind of the handler's sealed outcome. With no
 * channel configured it answers empty and nothing else of alerts/ is built: no channel, client, executor or secret
 * read. Otherwise the dispatcher is built on first use (never during init, which SnapStart snapshots). Never throws,
 * never changes a verdict or a report: at most it gives the answer, serialised once, with {@code alerts} added.
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);

    private final AlertsConfig config;
    private final ParametersAndSecrets extension;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String generalLanguage;
    private final boolean enabled;
    private volatile AlertDispatcher dispatcher;

    Alerts(AlertsConfig config, ParametersAndSecrets extension, ObjectMapper mapper, Clock clock,
           InstanceDirectory directory) {
        this.config = config;
        this.generalLanguage = directory.language();
        this.extension = extension;
        this.mapper = mapper;
        this.clock = clock;
        this.enabled = anyConfigured(config);
    }

    /** Whether any channel is configured at all: cheap, reads no secret, loads no other alert class. */
    static boolean anyConfigured(AlertsConfig config) {
        return Stream.of(config.slack().url(), config.slack().urlParameter(), config.slack().urlSecretId(),
                        config.teams().url(), config.teams().urlParameter(), config.teams().urlSecretId(),
                        config.webhook().url(), config.webhook().urlParameter(), config.webhook().urlSecretId())
                .anyMatch(value -> value.isPresent() && !value.get().isBlank());
    }

    /** The scheduled audit's findings, sent; empty when there was nothing to send or nowhere to send it. */
    public Optional<Alerted> deliver(AuditReport report) {
        return enabled ? send(FindingSources.toSend(report), () -> mapper.valueToTree(report)) : Optional.empty();
    }

    /** The scheduled sweep's findings, sent; empty when there was nothing to send or nowhere to send it. */
    public Optional<Alerted> deliver(SweepReport report) {
        return enabled ? send(FindingSources.toSend(report), () -> mapper.valueToTree(report)) : Optional.empty();
    }

    /** An on-demand verdict, sent when it is a MATCH and {@code on-demand-match} is set; else empty. */
    public Optional<Alerted> deliver(Diagnosis diagnosis) {
        return enabled ? send(FindingSources.toSend(diagnosis, config.onDemandMatch()),
                () -> mapper.valueToTree(diagnosis)) : Optional.empty();
    }

    private Optional<Alerted> send(List<Finding> findings, Supplier<ObjectNode> answer) {
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        try {
            AlertDispatcher built = dispatcher();
            return built.hasChannels() ? Optional.of(built.deliver(findings, answer.get())) : Optional.empty();
        } catch (RuntimeException e) {
            LOG.error("Alerts not sent: unexpected failure", e);
            return Optional.empty();
        }
    }

    private AlertDispatcher dispatcher() {
        AlertDispatcher built = dispatcher;
        if (built == null) {
            synchronized (this) {
                if (dispatcher == null) {
                    dispatcher = new AlertDispatcher(config, extension, mapper, clock, generalLanguage);
                }
                built = dispatcher;
            }
        }
        return built;
    }

    @PreDestroy
    void stop() {
        if (dispatcher != null) {
            dispatcher.stop();
        }
    }
}
