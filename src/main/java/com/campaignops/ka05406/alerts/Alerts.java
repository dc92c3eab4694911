package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.webhook.ParametersAndSecrets;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.stream.Stream;

/**
 * The one entry point the handler calls with each answer. With no channel configured it returns the answer
 * as it is and nothing else of alerts/ is loaded: no channel, client, executor or secret read. Otherwise the
 * dispatcher is built on first use (never during init, which SnapStart snapshots). Never throws, never
 * changes a verdict or a report: at most it adds {@code alerts} to what is answered.
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

    /**
     * @return {@code answer} itself, or an {@link Alerted} wrapping it when findings were sent
     */
    public Object deliver(Object answer) {
        if (!enabled) {
            return answer;
        }
        try {
            return dispatcher().deliver(answer);
        } catch (RuntimeException e) {
            LOG.error("Alerts not sent: unexpected failure", e);
            return answer;
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
