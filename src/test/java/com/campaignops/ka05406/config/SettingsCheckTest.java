package com.campaignops.ka05406.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In the running application, the settings are checked at start-up before any other start-up work of the
 * function (priming runs the diagnosis on them), and a bad setting makes that start-up step throw: Quarkus then
 * fails to start, which Lambda reports as an init error ({@code RESTART_CHECK_RULE_SHORT_OFFSET_MINUTES=0 ./invoke}
 * shows it).
 */
@QuarkusTest
class SettingsCheckTest {

    @Inject
    BeanManager beans;

    @Inject
    SettingsCheck check;

    @Test
    void settingsAreChecked_firstOfTheFunctionsStartUpSteps() {
        List<ObserverMethod<? super StartupEvent>> ours = beans.resolveObserverMethods(new StartupEvent()).stream()
                .filter(o -> o.getBeanClass().getName().startsWith("com.campaignops."))
                .sorted(Comparator.comparingInt(ObserverMethod::getPriority))
                .toList();

        assertThat(ours).extracting(o -> o.getBeanClass().getSimpleName()).contains("SettingsCheck", "Priming");
        assertThat(ours.get(0).getBeanClass()).isEqualTo(SettingsCheck.class);
        assertThat(ours.get(0).getPriority()).isLessThan(ours.get(1).getPriority());
    }

    @Test
    void badSetting_failsTheStartUpStep() {
        Map<String, String> settings = Map.of("restart-check.rule.short-offset-minutes", "0",
                "restart-check.campaign.page-size", "0");
        List<ExtLogRecord> logged = new CopyOnWriteArrayList<>();
        ExtHandler capture = new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                logged.add(record);
            }
        };
        Logger logger = Logger.getLogger(SettingsCheck.class.getName());
        logger.addHandler(capture);
        try {
            assertThatThrownBy(() -> check.onStart(new StartupEvent(), TestSettings.of(settings),
                    TestSettings.alerts(settings)))
                    .isInstanceOf(InvalidSettingsException.class)
                    .hasMessageContaining("RESTART_CHECK_RULE_SHORT_OFFSET_MINUTES")
                    .hasMessageContaining("RESTART_CHECK_CAMPAIGN_PAGE_SIZE")
                    .satisfies(e -> assertThat(e.getStackTrace()).as("no trace of its own").isEmpty());
        } finally {
            logger.removeHandler(capture);
        }

        // What a person reads first of the failed start: the message alone, each key with its variable.
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(Level.ERROR);
        assertThat(logged.get(0).getThrown()).isNull();
        assertThat(logged.get(0).getFormattedMessage()).startsWith("2 invalid settings")
                .contains("restart-check.campaign.page-size (RESTART_CHECK_CAMPAIGN_PAGE_SIZE) = '0'");
    }
}
