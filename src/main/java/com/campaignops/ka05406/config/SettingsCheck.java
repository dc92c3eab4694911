package com.campaignops.ka05406.config;

import com.campaignops.ka05406.alerts.AlertsConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/** Checks every setting when the function starts, before anything else runs on them (priming included). */
@ApplicationScoped
class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class);

    /** Priority 1: before the application's own start-up observers (the default priority is 2500). */
    void onStart(@Observes @Priority(1) StartupEvent startup, RestartCheckConfig config, AlertsConfig alerts) {
        List<SettingsValidator.Violation> violations = SettingsValidator.violations(config, alerts);
        if (!violations.isEmpty()) {
            InvalidSettingsException invalid = new InvalidSettingsException(violations);
            // Logged before anything else prints: the first line of a failed start names each bad key and its
            // environment variable; the runtime's and Quarkus' traces of the failed init come after it.
            LOG.error(invalid.getMessage());
            throw invalid;
        }
    }
}
