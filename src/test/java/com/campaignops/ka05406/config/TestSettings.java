package com.campaignops.ka05406.config;

import com.campaignops.ka05406.alerts.AlertsConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.Duration;
import java.util.Map;

/**
 * The configuration mapping built from properties alone, as Quarkus builds it (defaults, converters, {@code ${}}
 * expressions), without starting the application: for plain JUnit tests of what reads the settings.
 */
public final class TestSettings {

    private TestSettings() {
    }

    /** @param properties full keys, e.g. {@code restart-check.rule.short-offset-minutes} */
    public static RestartCheckConfig of(Map<String, String> properties) {
        return mapping(RestartCheckConfig.class, properties);
    }

    /** The {@code restart-check.alerts} mapping, from the same properties (both mappings are built, as in Quarkus). */
    public static AlertsConfig alerts(Map<String, String> properties) {
        return mapping(AlertsConfig.class, properties);
    }

    private static <T> T mapping(Class<T> type, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(RestartCheckConfig.class)
                .withMapping(AlertsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 400))
                .build();
        return config.getConfigMapping(type);
    }

    /** One configured instance, key primary, named mcExec1, as the test profile configures it. */
    public static Map<String, String> embeddedDefault() {
        return Map.of("restart-check.instances.primary.name", "mcExec1");
    }
}
