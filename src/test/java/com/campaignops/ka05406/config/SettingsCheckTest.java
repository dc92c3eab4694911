package com.campaignops.ka05406.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
        RestartCheckConfig bad = TestSettings.of(Map.of("restart-check.rule.short-offset-minutes", "0"));

        assertThatThrownBy(() -> check.onStart(new StartupEvent(), bad))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("RESTART_CHECK_RULE_SHORT_OFFSET_MINUTES");
    }
}
