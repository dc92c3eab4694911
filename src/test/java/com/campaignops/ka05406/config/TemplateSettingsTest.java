package com.campaignops.ka05406.config;

import com.campaignops.ka05406.alerts.AlertsConfig;
import io.smallrye.config.ConfigMappings;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml's environment against the configuration mappings: every variable it sets is one configuration key
 * (a misspelt variable is silently ignored by the function), the stack's parameter defaults pass the start-up
 * check, and the function timeout the check compares the sweep's deadline with is the template's Timeout.
 */
class TemplateSettingsTest {

    private static final String TEMPLATE = read("template.yaml");
    /** Variables the template sets for the runtime rather than for the function's settings. */
    private static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    @Test
    void everyVariableTheTemplateSets_isOneConfigurationKey() {
        Map<String, String> variables = variables();
        assertThat(variables).containsKeys("RESTART_CHECK_CAMPAIGN_URL", "RESTART_CHECK_ALERTS_LANGUAGE",
                "RESTART_CHECK_INSTANCES_PRIMARY_NAME");
        List<String> keyPatterns = keyPatterns();
        List<String> unmapped = new ArrayList<>();
        for (String variable : variables.keySet()) {
            if (RUNTIME_VARIABLES.contains(variable)) {
                continue;
            }
            List<String> matches = keyPatterns.stream().filter(key -> environmentPattern(key).matcher(variable).matches())
                    .toList();
            if (matches.size() != 1) {
                unmapped.add(variable + " -> " + matches);
            }
        }
        assertThat(unmapped).as("variables that are no configuration key, or more than one").isEmpty();
    }

    @Test
    void theStacksDefaults_passTheStartUpCheck() {
        Map<String, String> parameters = parameterDefaults();
        Map<String, String> properties = new HashMap<>();
        variables().forEach((variable, value) -> {
            if (RUNTIME_VARIABLES.contains(variable)) {
                return;
            }
            Matcher ref = Pattern.compile("!Ref ([\\w:]+)").matcher(value);
            String resolved = ref.matches() ? (ref.group(1).startsWith("AWS::") ? "mcsynch-restart-check"
                    : parameters.get(ref.group(1))) : value;
            assertThat(resolved).as(variable + " = " + value + " resolves").isNotNull();
            // As SmallRye reads the environment: the variable's own name, matched to the key it stands for.
            properties.put(variable, resolved.replaceAll("^\"|\"$", ""));
        });

        var config = new io.smallrye.config.SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withMapping(RestartCheckConfig.class)
                .withMapping(AlertsConfig.class)
                .withSources(new io.smallrye.config.EnvConfigSource(properties, 300))
                .build();
        RestartCheckConfig settings = config.getConfigMapping(RestartCheckConfig.class);

        assertThat(SettingsValidator.violations(settings, config.getConfigMapping(AlertsConfig.class))).isEmpty();
        assertThat(settings.instances().get("primary").name()).contains(parameters.get("ExecutionInstance"));
    }

    @Test
    void theFunctionTimeoutChecked_isTheTemplatesTimeout() {
        Matcher timeout = Pattern.compile("Globals:\\n  Function:\\n(?:    .*\\n)*?    Timeout: (\\d+)\\n").matcher(TEMPLATE);
        assertThat(timeout.find()).isTrue();

        assertThat(Duration.parse(variables().get("RESTART_CHECK_FUNCTION_TIMEOUT")))
                .isEqualTo(Duration.ofSeconds(Long.parseLong(timeout.group(1))));
    }

    /** Every key of both mappings, a map's key as {@code *}: {@code restart-check.instances.*.name}. */
    private static List<String> keyPatterns() {
        Set<String> keys = new TreeSet<>();
        keys.addAll(ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(RestartCheckConfig.class,
                "restart-check")).keySet());
        keys.addAll(ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(AlertsConfig.class,
                "restart-check.alerts")).keySet());
        assertThat(keys).contains("restart-check.campaign.page-size", "restart-check.alerts.max-findings");
        return List.copyOf(keys);
    }

    /** The environment variables a key answers to: upper case, anything but letters and digits as {@code _}. */
    private static Pattern environmentPattern(String key) {
        StringBuilder regex = new StringBuilder();
        String[] parts = key.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(Pattern.quote(parts[i].toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_")));
            if (i < parts.length - 1) {
                regex.append("[A-Z0-9]+");
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The function's Environment Variables, in order, comments left out. */
    private static Map<String, String> variables() {
        Matcher block = Pattern.compile("\\n        Variables:\\n((?:          .*\\n)+)").matcher(TEMPLATE);
        assertThat(block.find()).isTrue();
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^          ([A-Z][A-Z0-9_]*): (.*)$").matcher(block.group(1));
        while (line.find()) {
            variables.put(line.group(1), line.group(2).strip());
        }
        return variables;
    }

    /** Each stack parameter's Default, quotes removed; a parameter without one is absent. */
    private static Map<String, String> parameterDefaults() {
        String parameters = TEMPLATE.substring(TEMPLATE.indexOf("\nParameters:\n"), TEMPLATE.indexOf("\nConditions:\n"));
        Map<String, String> defaults = new HashMap<>();
        Matcher parameter = Pattern.compile("(?m)^  (\\w+):\\n((?:    .*\\n|[ \\t]*\\n)*)").matcher(parameters + "\n");
        while (parameter.find()) {
            Matcher value = Pattern.compile("(?m)^    Default: (.*)$").matcher(parameter.group(2));
            if (value.find()) {
                defaults.put(parameter.group(1), value.group(1).strip().replaceAll("^\"|\"$", ""));
            }
        }
        return defaults;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
