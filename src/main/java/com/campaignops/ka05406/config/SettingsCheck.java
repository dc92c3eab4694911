package com.campaignops.ka05406.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Checks every setting when the function starts, before anything else runs on them (priming included): a bad
 * one fails init with {@link InvalidSettingsException}, which Lambda shows as the init error and SnapStart
 * refuses to publish, instead of a function that answers INTERNAL_ERROR to every invocation.
 */
@ApplicationScoped
class SettingsCheck {

    /** Before the application's own start-up observers (the default priority is 2500). */
    static final int BEFORE_PRIMING = 1;

    void onStart(@Observes @Priority(BEFORE_PRIMING) StartupEvent startup, RestartCheckConfig config) {
        SettingsValidator.check(config);
    }
}
