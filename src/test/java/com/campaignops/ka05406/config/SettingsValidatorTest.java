package com.campaignops.ka05406.config;

import io.quarkus.runtime.StartupEvent;
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
                        P + "instances.primary.workflow-schedule.every", "PT1M30S", "whole minutes"),
                row("general language not spoken", Map.of(P + "language", "xx"), P + "language", "xx",
                        "a language the function speaks: en, en-US, fr, de, ja, sv, it"),
                row("function timeout over Lambda's 15 minutes", Map.of(P + "function-timeout", "PT16M"),
                        P + "function-timeout", "PT16M", "above PT0S to PT15M"));
    }

    /** restart-check.campaign.*: the sweep's settings, each checked with or without a Campaign URL. */
    static Stream<Arguments> refusedCampaign() {
        Map<String, String> token = Map.of(P + "campaign.session-token", "never-shown-token");
        return Stream.of(
                row("url not a url", with(token, P + "campaign.url", "notaurl"), P + "campaign.url", "notaurl",
                        "an absolute http:// or https:// URL with a host"),
                row("url ftp", with(token, P + "campaign.url", "ftp://x"), P + "campaign.url", "ftp://x", "http://"),
                row("url without a host", with(token, P + "campaign.url", "https:///nl"), P + "campaign.url",
                        "https:///nl", "with a host"),
                row("page size 0", Map.of(P + "campaign.page-size", "0"), P + "campaign.page-size", "0",
                        "from 1 to 10000"),
                row("max lines 0", Map.of(P + "campaign.max-lines", "0"), P + "campaign.max-lines", "0",
                        "from 1 to 1000000"),
                row("max lines below the page size", Map.of(P + "campaign.max-lines", "100"), P + "campaign.max-lines",
                        "100", "at least restart-check.campaign.page-size (500)"),
                row("parallelism 0", Map.of(P + "campaign.parallelism", "0"), P + "campaign.parallelism", "0",
                        "from 1 to 16"),
                row("no workflows", Map.of(P + "campaign.max-workflows", "0"), P + "campaign.max-workflows", "0",
                        "from 1 to 1000"),
                row("history days negative", Map.of(P + "campaign.history-days", "-3"), P + "campaign.history-days",
                        "-3", "from 1 to 90"),
                row("recurrence over the history", Map.of(P + "campaign.recurrence-min-days", "8"),
                        P + "campaign.recurrence-min-days", "8", "from 1 to 7"),
                row("lookback zero", Map.of(P + "campaign.lookback", "PT0S"), P + "campaign.lookback", "PT0S",
                        "above PT0S to PT168H"),
                row("lookback past the history read", Map.of(P + "campaign.lookback", "P8D"), P + "campaign.lookback",
                        "PT192H", "reaches back restart-check.campaign.history-days (7)"),
                row("response bytes negative", Map.of(P + "campaign.max-response-bytes", "-1"),
                        P + "campaign.max-response-bytes", "-1", "from 1 to 67108864"),
                row("run gap zero", Map.of(P + "campaign.run-gap", "PT0S"), P + "campaign.run-gap", "PT0S",
                        "above PT0S to PT24H"),
                row("secret cache negative", Map.of(P + "campaign.secret-cache-ttl", "-PT1M"),
                        P + "campaign.secret-cache-ttl", "PT-1M", "from PT0S to PT24H"),
                row("deadline zero", Map.of(P + "campaign.deadline", "PT0S"), P + "campaign.deadline", "PT0S",
                        "above PT0S that, with restart-check.time-margin (PT1S), fits in restart-check.function-timeout (PT30S)"),
                row("deadline at the function timeout", Map.of(P + "campaign.deadline", "PT30S"),
                        P + "campaign.deadline", "PT30S", "fits in restart-check.function-timeout (PT30S)"),
                row("deadline and margin past the function timeout", Map.of(P + "campaign.deadline", "PT29.5S"),
                        P + "campaign.deadline", "PT29.5S", "with restart-check.time-margin (PT1S)"),
                row("deadline past a shorter function timeout", Map.of(P + "function-timeout", "PT15S"),
                        P + "campaign.deadline", "PT25S", "fits in restart-check.function-timeout (PT15S)"),
                row("campaign read timeout zero", Map.of(P + "campaign.read-timeout", "PT0S"),
                        P + "campaign.read-timeout", "PT0S", "above PT0S to PT1M"),
                row("campaign attempt timeout over a minute", Map.of(P + "campaign.attempt-timeout", "PT2M"),
                        P + "campaign.attempt-timeout", "PT2M", "above PT0S to PT1M"),
                row("sweep period of 90 s", Map.of(P + "campaign.sweep-period", "PT90S"), P + "campaign.sweep-period",
                        "PT1M30S", "whole minutes from PT1M to P1D"),
                row("time margin negative", Map.of(P + "time-margin", "-PT1S"), P + "time-margin", "PT-1S",
                        "from PT0S to PT5S"),
                row("url without a login or a token", Map.of(P + "campaign.url", "https://acme.example.com"),
                        P + "campaign.login", "", "or restart-check.campaign.session-token"),
                row("login without a password", Map.of(P + "campaign.url", "https://acme.example.com",
                                P + "campaign.login", "monitoring"),
                        P + "campaign.password-parameter", "", "password-secret-id (Secrets Manager)"),
                row("two password sources", Map.of(P + "campaign.url", "https://acme.example.com",
                                P + "campaign.login", "monitoring", P + "campaign.password-parameter", "/p",
                                P + "campaign.password-secret-id", "s"),
                        P + "campaign.password-secret-id", "s", "restart-check.campaign.password-parameter is also set"),
                row("a password besides a parameter", Map.of(P + "campaign.url", "https://acme.example.com",
                                P + "campaign.login", "monitoring", P + "campaign.password-parameter", "/p",
                                P + "campaign.password", "never-shown-password"),
                        P + "campaign.password", "(set; not shown: a secret)", "one password source only"));
    }

    /** restart-check.alerts.*. */
    static Stream<Arguments> refusedAlerts() {
        return Stream.of(
                row("max findings 0", Map.of(P + "alerts.max-findings", "0"), P + "alerts.max-findings", "0",
                        "from 1 to " + com.campaignops.ka05406.alerts.SlackChannel.MAX_GROUPS),
                row("attempt timeout zero", Map.of(P + "alerts.attempt-timeout", "PT0S"), P + "alerts.attempt-timeout",
                        "PT0S", "above PT0S to PT1M"),
                row("connect timeout negative", Map.of(P + "alerts.connect-timeout", "-PT1S"),
                        P + "alerts.connect-timeout", "PT-1S", "above PT0S to PT1M"),
                row("retry delay over 10 s", Map.of(P + "alerts.retry-delay", "PT11S"), P + "alerts.retry-delay",
                        "PT11S", "from PT0S to PT10S"),
                row("retry-after negative", Map.of(P + "alerts.max-retry-after", "-PT1S"),
                        P + "alerts.max-retry-after", "PT-1S", "from PT0S to PT1M"),
                row("secret cache two days", Map.of(P + "alerts.secret-cache-ttl", "P2D"),
                        P + "alerts.secret-cache-ttl", "PT48H", "from PT0S to PT24H"),
                row("alerts language not spoken", Map.of(P + "alerts.language", "pt-BR"), P + "alerts.language",
                        "pt-BR", "a language the function speaks"),
                row("channel language ill-formed", Map.of(P + "alerts.teams.language", "fr_FR!"),
                        P + "alerts.teams.language", "fr_FR!", "BCP 47"),
                row("channel language a word", Map.of(P + "alerts.slack.language", "klingon"),
                        P + "alerts.slack.language", "klingon", "fr-CA is fr"),
                row("slack url plain http", Map.of(P + "alerts.slack.url", "http://hooks.slack.com/services/T/B/X"),
                        P + "alerts.slack.url", "(set; not shown: a secret)", "https:// URL with a host"),
                row("teams url not a url", Map.of(P + "alerts.teams.url", "outlook.office.com/webhook"),
                        P + "alerts.teams.url", "(set; not shown: a secret)", "http:// only to localhost"),
                row("two stores for one channel", Map.of(P + "alerts.slack.url-parameter", "/slack",
                                P + "alerts.slack.url-secret-id", "slack"),
                        P + "alerts.slack.url-secret-id", "slack", "url-parameter or this, not both"),
                row("generic webhook unsigned", Map.of(P + "alerts.webhook.url", "https://receiver.example/hook"),
                        P + "alerts.webhook.signing-secret", "", "never sent unsigned"));
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(key, value);
        return all;
    }

    private static Arguments row(String name, Map<String, String> settings, String key, String value, String allowed) {
        return Arguments.of(name, settings, key, value, allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"refused", "refusedCampaign", "refusedAlerts"})
    void badSetting_isNamedWithItsEnvironmentVariableValueAndWhatIsAllowed(String name, Map<String, String> settings,
                                                                         String key, String value, String allowed) {
        List<SettingsValidator.Violation> violations = violations(settings);

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
                Arguments.of("workflow once a day", Map.of(P + "instances.primary.workflow-schedule.every", "P1D")),
                Arguments.of("campaign in trusted-IP mode", Map.of(P + "campaign.url", "https://acme.example.com",
                        P + "campaign.session-token", "t")),
                Arguments.of("campaign with a login and its password in Secrets Manager", Map.of(P + "campaign.url",
                        "http://acme.example.com:8080/", P + "campaign.login", "monitoring",
                        P + "campaign.password-secret-id", "campaign/monitoring")),
                Arguments.of("max lines one page, lookback the whole history", Map.of(P + "campaign.page-size", "200",
                        P + "campaign.max-lines", "200", P + "campaign.lookback", "P7D")),
                Arguments.of("a longer deadline under a longer timeout", Map.of(P + "campaign.deadline", "PT55S",
                        P + "function-timeout", "PT60S")),
                Arguments.of("a sweep every 15 minutes, no margin", Map.of(P + "campaign.sweep-period", "PT15M",
                        P + "time-margin", "PT0S", P + "campaign.deadline", "PT30S")),
                Arguments.of("languages by region and parent", Map.of(P + "language", "en-GB", P + "alerts.language",
                        "fr-CA", P + "alerts.slack.language", "de-CH", P + "alerts.webhook.language", "sv")),
                Arguments.of("channels: https, localhost, stored, signed", Map.of(P + "alerts.slack.url",
                        "https://hooks.slack.com/services/T/B/X", P + "alerts.teams.url", "http://localhost:8089/teams",
                        P + "alerts.webhook.url-parameter", "/alerts/webhook")),
                Arguments.of("alert secrets read at every send", Map.of(P + "alerts.secret-cache-ttl", "PT0S")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void goodSettings_passAsTheyAre(String name, Map<String, String> settings) {
        assertThat(violations(settings)).as(name).isEmpty();
    }

    @Test
    void severalBadSettings_failInOneMessage_namingEachKeyItsVariableAndValue_butNoSecret() {
        Map<String, String> settings = Map.of(
                P + "rule.short-offset-minutes", "0",
                P + "http.retry-jitter", "PT1S",
                P + "instances.primary.restart-url", "ftp://user:pass@exec.example.com/x?__sessiontoken=tok",
                P + "instances.primary.auth-header-value", "auth-secret");

        assertThatThrownBy(() -> check(settings))
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
    void campaignAndChannelSecrets_areNamedButNeverShown() {
        Map<String, String> settings = Map.of(
                P + "campaign.url", "https://user:pw@acme.example.com/?__sessiontoken=tok-in-url",
                P + "campaign.page-size", "0",
                P + "campaign.login", "monitoring",
                P + "campaign.password", "p4ss-word",
                P + "campaign.password-parameter", "/p",
                P + "alerts.slack.url", "http://hooks.slack.com/services/T0/B0/slack-token");

        assertThatThrownBy(() -> check(settings))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("3 invalid settings")
                .hasMessageContaining("restart-check.campaign.page-size (RESTART_CHECK_CAMPAIGN_PAGE_SIZE) = '0'")
                .hasMessageContaining("RESTART_CHECK_CAMPAIGN_PASSWORD")
                .hasMessageContaining("RESTART_CHECK_ALERTS_SLACK_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("p4ss-word").doesNotContain("slack-token")
                        .doesNotContain("tok-in-url").doesNotContain(":pw@"));
    }

    @Test
    void goodSettings_passTheCheck() {
        check(Map.of());
    }

    private static List<SettingsValidator.Violation> violations(Map<String, String> settings) {
        Map<String, String> all = withDefault(settings);
        return SettingsValidator.violations(TestSettings.of(all), TestSettings.alerts(all));
    }

    private static void check(Map<String, String> settings) {
        Map<String, String> all = withDefault(settings);
        new SettingsCheck().onStart(new StartupEvent(), TestSettings.of(all), TestSettings.alerts(all));
    }

    private static Map<String, String> withDefault(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(TestSettings.embeddedDefault());
        all.putAll(settings);
        return all;
    }
}
