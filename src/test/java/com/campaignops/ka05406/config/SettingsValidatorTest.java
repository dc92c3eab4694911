package com.campaignops.ka05406.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every rule between settings, one row each: what is refused, under which key, and what is said to be allowed. */
class SettingsValidatorTest {

    private static final String P = "restart-check.";

    /** A bad value: the settings (over the embedded default), the key refused, and words of what is allowed. */
    static Stream<Arguments> refused() {
        return Stream.of(
                row("short offset 0", Map.of(P + "rule.short-offset-minutes", "0"),
                        P + "rule.short-offset-minutes", "0", "from 1 to 60"),
                row("short offset negative", Map.of(P + "rule.short-offset-minutes", "-5"),
                        P + "rule.short-offset-minutes", "-5", "from 1 to 60"),
                row("long offset 0", Map.of(P + "rule.long-offset-minutes", "0"),
                        P + "rule.long-offset-minutes", "0", "from 1 to 60"),
                row("long offset over an hour", Map.of(P + "rule.long-offset-minutes", "61"),
                        P + "rule.long-offset-minutes", "61", "from 1 to 60"),
                row("short equal to long", Map.of(P + "rule.short-offset-minutes", "10"),
                        P + "rule.short-offset-minutes", "10", "below restart-check.rule.long-offset-minutes (10)"),
                row("short above long", Map.of(P + "rule.short-offset-minutes", "7", P + "rule.long-offset-minutes", "6"),
                        P + "rule.short-offset-minutes", "7", "below restart-check.rule.long-offset-minutes (6)"),
                row("window before negative", Map.of(P + "rule.window-before", "-PT1M"),
                        P + "rule.window-before", "PT-1M", "from PT0S to PT1H"),
                row("window after negative", Map.of(P + "rule.window-after", "-PT1S"),
                        P + "rule.window-after", "PT-1S", "from PT0S to PT1H"),
                row("window after a day", Map.of(P + "rule.window-after", "P1D"),
                        P + "rule.window-after", "PT24H", "from PT0S to PT1H"),
                row("quick recovery negative", Map.of(P + "rule.quick-recovery", "-PT3M"),
                        P + "rule.quick-recovery", "PT-3M", "from PT0S to PT1H"),
                row("jitter equal to delay", Map.of(P + "http.retry-jitter", "PT0.2S"),
                        P + "http.retry-jitter", "PT0.2S", "below restart-check.http.retry-delay (PT0.2S)"),
                row("jitter above delay", Map.of(P + "http.retry-delay", "PT0S"),
                        P + "http.retry-jitter", "PT0.1S", "below restart-check.http.retry-delay (PT0S)"),
                row("negative retry delay", Map.of(P + "http.retry-delay", "-PT1S", P + "http.retry-jitter", "PT0S"),
                        P + "http.retry-delay", "PT-1S", "from PT0S to PT10S"),
                row("connect timeout zero", Map.of(P + "http.connect-timeout", "PT0S"),
                        P + "http.connect-timeout", "PT0S", "above PT0S to PT1M"),
                row("read timeout in seconds, meant as ms", Map.of(P + "http.read-timeout", "2000"),
                        P + "http.read-timeout", "PT33M20S", "above PT0S to PT1M"),
                row("attempt timeout negative", Map.of(P + "http.attempt-timeout", "-PT3S"),
                        P + "http.attempt-timeout", "PT-3S", "above PT0S to PT1M"),
                row("no response bytes", Map.of(P + "http.max-response-bytes", "0"),
                        P + "http.max-response-bytes", "0", "from 1 to 16777216"),
                row("negative retries", Map.of(P + "http.max-retries", "-1"),
                        P + "http.max-retries", "-1", "from 0 to 5"),
                row("breaker volume 0", Map.of(P + "http.breaker-request-volume", "0"),
                        P + "http.breaker-request-volume", "0", "from 1 to 1000"),
                row("breaker ratio above 1", Map.of(P + "http.breaker-failure-ratio", "1.5"),
                        P + "http.breaker-failure-ratio", "1.5", "above 0 and at most 1"),
                row("breaker ratio 0", Map.of(P + "http.breaker-failure-ratio", "0"),
                        P + "http.breaker-failure-ratio", "0.0", "above 0 and at most 1"),
                row("breaker delay 0", Map.of(P + "http.breaker-delay", "PT0S"),
                        P + "http.breaker-delay", "PT0S", "above PT0S to PT1H"),
                row("no log lines", Map.of(P + "max-log-lines", "0"), P + "max-log-lines", "0", "from 1 to 1000000"),
                row("blank workflow pattern", Map.of(P + "workflow-patterns", "mcSynch_*,\\ "),
                        P + "workflow-patterns", "mcSynch_*, ", "none blank"),
                row("webhook body over Lambda's payload", Map.of(P + "webhook.max-body-bytes", "7000000"),
                        P + "webhook.max-body-bytes", "7000000", "from 1 to 6291456"),
                row("signature tolerance 0", Map.of(P + "webhook.signature-tolerance", "PT0S"),
                        P + "webhook.signature-tolerance", "PT0S", "above PT0S to PT1H"),
                row("secret cache ttl negative", Map.of(P + "webhook.secret-cache-ttl", "-PT5M"),
                        P + "webhook.secret-cache-ttl", "PT-5M", "above PT0S to PT24H"),
                row("extension url not http", Map.of(P + "webhook.secrets-extension-url", "ftp://localhost:2773"),
                        P + "webhook.secrets-extension-url", "ftp://localhost:2773", "http:// or https://"),
                row("two secret stores", Map.of(P + "webhook.secret-parameter", "/a", P + "webhook.secret-id", "b"),
                        P + "webhook.secret-id", "b", "not both"),
                row("blank metrics namespace", Map.of(P + "metrics.namespace", " "),
                        P + "metrics.namespace", " ", "must not be blank"),
                row("blank metrics service", Map.of(P + "metrics.service", "\t"),
                        P + "metrics.service", "\t", "Service dimension"),
                row("too many retries", Map.of(P + "http.max-retries", "6"), P + "http.max-retries", "6", "from 0 to 5"),
                row("breaker volume over 1000", Map.of(P + "http.breaker-request-volume", "1001"),
                        P + "http.breaker-request-volume", "1001", "from 1 to 1000"),
                row("response cap over 16 MiB", Map.of(P + "http.max-response-bytes", "16777217"),
                        P + "http.max-response-bytes", "16777217", "from 1 to 16777216"),
                row("retry delay over 10 s", Map.of(P + "http.retry-delay", "PT11S"),
                        P + "http.retry-delay", "PT11S", "from PT0S to PT10S"),
                row("restart url without a host", Map.of(P + "instances.primary.restart-url", "https:///restart"),
                        P + "instances.primary.restart-url", "https:///restart", "with a host"),
                row("instance name with a dash", Map.of(P + "instances.primary.name", "mc-exec1"),
                        P + "instances.primary.name", "mc-exec1", "letters, digits or underscores"),
                row("instance name a host", Map.of(P + "instances.primary.name", "exec.example.com"),
                        P + "instances.primary.name", "exec.example.com", "internal name"),
                row("instance key that is no name", Map.of(P + "instances.\"exec-2\".restart-format", "json"),
                        P + "instances.exec-2.name", "exec-2", "without name, the key is the name"),
                row("instance name too long", Map.of(P + "instances.primary.name", "x".repeat(65)),
                        P + "instances.primary.name", "x".repeat(65), "1 to 64"),
                row("names equal but for case", Map.of(P + "instances.second.name", "MCEXEC1"),
                        P + "instances.second.name", "MCEXEC1", "ignoring case"),
                row("key equal to another's name", Map.of(P + "instances.mcexec1.restart-format", "json"),
                        P + "instances.primary.name", "mcExec1", "instance 'mcexec1' is also named mcexec1"),
                row("restart url not http", Map.of(P + "instances.primary.restart-url", "file:///etc/passwd"),
                        P + "instances.primary.restart-url", "file:///etc/passwd", "http:// or https://"),
                row("restart url relative", Map.of(P + "instances.primary.restart-url", "/nl/jsp/monitor.jsp"),
                        P + "instances.primary.restart-url", "/nl/jsp/monitor.jsp", "absolute"),
                row("json pointer without slash", Map.of(P + "instances.primary.json-pointer", "lastRestart"),
                        P + "instances.primary.json-pointer", "lastRestart", "JSON pointer"),
                row("json pointer bad escape", Map.of(P + "instances.primary.json-pointer", "/a~2b"),
                        P + "instances.primary.json-pointer", "/a~2b", "~0 or ~1"),
                row("monitor element blank", Map.of(P + "instances.primary.restart-format", "monitor-xml",
                                P + "instances.primary.monitor.process-element", " "),
                        P + "instances.primary.monitor.process-element", " ", "monitor-xml"),
                row("monitor start attribute blank", Map.of(P + "instances.primary.restart-format", "monitor-xml",
                                P + "instances.primary.monitor.start-attribute", "\t"),
                        P + "instances.primary.monitor.start-attribute", "\t", "monitor-xml"),
                row("auth header name with a colon", Map.of(P + "instances.primary.auth-header-name", "Cookie:",
                                P + "instances.primary.auth-header-value", "secret-never-shown"),
                        P + "instances.primary.auth-header-name", "Cookie:", "HTTP header name"),
                row("workflow every 0", Map.of(P + "instances.primary.workflow-schedule.every", "PT0S"),
                        P + "instances.primary.workflow-schedule.every", "PT0S", "from PT1M to P1D"),
                row("workflow every two days", Map.of(P + "instances.primary.workflow-schedule.every", "P2D"),
                        P + "instances.primary.workflow-schedule.every", "PT48H", "from PT1M to P1D"),
                row("workflow every 90 s", Map.of(P + "instances.primary.workflow-schedule.every", "PT90S"),
                        P + "instances.primary.workflow-schedule.every", "PT1M30S", "whole minutes"));
    }

    private static Arguments row(String name, Map<String, String> settings, String key, String value, String allowed) {
        return Arguments.of(name, settings, key, value, allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void badSetting_isNamedWithItsEnvironmentVariableValueAndWhatIsAllowed(String name, Map<String, String> settings,
                                                                         String key, String value, String allowed) {
        List<SettingsValidator.Violation> violations = SettingsValidator.violations(config(settings));

        assertThat(violations).as(name).hasSize(1);
        SettingsValidator.Violation violation = violations.get(0);
        assertThat(violation.key()).isEqualTo(key);
        assertThat(violation.value()).isEqualTo(value);
        assertThat(violation.allowed()).contains(allowed);
        assertThat(violation.environmentVariable()).isEqualTo(key.toUpperCase(Locale.ROOT)
                .replace('.', '_').replace('-', '_'));
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("the defaults", Map.of()),
                Arguments.of("no instance at all", Map.of(P + "instances.primary.name", "")),
                Arguments.of("jitter zero with no delay", Map.of(P + "http.retry-delay", "PT0S", P + "http.retry-jitter", "PT0S")),
                Arguments.of("windows of zero", Map.of(P + "rule.window-before", "PT0S", P + "rule.window-after", "PT0S",
                        P + "rule.quick-recovery", "PT0S")),
                Arguments.of("offsets at the bounds", Map.of(P + "rule.short-offset-minutes", "1",
                        P + "rule.long-offset-minutes", "60")),
                Arguments.of("durations in Quarkus' short form", Map.of(P + "http.read-timeout", "2s",
                        P + "rule.window-after", "10m")),
                Arguments.of("several instances, a name from a digit", Map.of(P + "instances.second.name", "2nd_exec",
                        P + "instances.third.restart-url", "https://exec3.example.com/nl/jsp/monitor.jsp?x=1",
                        P + "instances.third.restart-format", "monitor-xml")),
                Arguments.of("escaped JSON pointer", Map.of(P + "instances.primary.json-pointer", "/a~1b/c~0d/0")),
                Arguments.of("a blank json-pointer does not matter for monitor-xml",
                        Map.of(P + "instances.primary.restart-format", "monitor-xml",
                                P + "instances.primary.json-pointer", "nonsense")),
                Arguments.of("a bad header name without a value is not used",
                        Map.of(P + "instances.primary.auth-header-name", "Cookie:")),
                Arguments.of("workflow once a day", Map.of(P + "instances.primary.workflow-schedule.every", "P1D")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void goodSettings_passAsTheyAre(String name, Map<String, String> settings) {
        assertThat(SettingsValidator.violations(config(settings))).as(name).isEmpty();
    }

    @Test
    void severalBadSettings_failInOneMessage_namingEachKeyItsVariableAndValue_butNoSecret() {
        RestartCheckConfig config = config(Map.of(
                P + "rule.short-offset-minutes", "0",
                P + "http.retry-jitter", "PT1S",
                P + "instances.primary.restart-url", "ftp://user:pass@exec.example.com/x?__sessiontoken=tok",
                P + "instances.primary.auth-header-value", "auth-secret"));

        assertThatThrownBy(() -> SettingsValidator.check(config))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("3 invalid settings; the function does not start until each is fixed:")
                .hasMessageContaining("restart-check.rule.short-offset-minutes (RESTART_CHECK_RULE_SHORT_OFFSET_MINUTES)"
                        + " = '0': a whole number from 1 to 60")
                .hasMessageContaining("restart-check.http.retry-jitter (RESTART_CHECK_HTTP_RETRY_JITTER) = 'PT1S'")
                .hasMessageContaining("RESTART_CHECK_INSTANCES_PRIMARY_RESTART_URL) = 'ftp://…@exec.example.com/x?…'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("pass").doesNotContain("tok")
                        .doesNotContain("auth-secret"));
    }

    @Test
    void goodSettings_passTheCheck() {
        SettingsValidator.check(config(Map.of()));
    }

    private static RestartCheckConfig config(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(TestSettings.embeddedDefault());
        all.putAll(settings);
        return TestSettings.of(all);
    }
}
