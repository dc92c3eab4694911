package com.campaignops.ka05406.config;

import com.campaignops.ka05406.notification.WorkflowNames;
import com.fasterxml.jackson.core.JsonPointer;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules between settings that their types cannot express: positive offsets, the short one below the long
 * one, windows that are not negative, a retry jitter below the retry delay, valid and unique instance names, a
 * restart format with the settings it needs, and durations and sizes within sane bounds. Type errors (a bad
 * zone, URL or number) already stop the configuration from loading; these stop start-up.
 *
 * <p>Plain Java on the mapping, so each rule is tested without starting the application. No secret is ever
 * quoted: {@code auth-header-value} and the webhook secrets are not checked, and a restart URL is shown without
 * its query or user info.
 */
public final class SettingsValidator {

    static final String PREFIX = "restart-check.";

    static final int MAX_OFFSET_MINUTES = 60;
    static final Duration MAX_RULE_WINDOW = Duration.ofHours(1);
    /** The function's Lambda timeout is 15 s (template.yaml): one HTTP wait longer than a minute is a unit slip. */
    static final Duration MAX_HTTP_TIMEOUT = Duration.ofSeconds(60);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);
    static final int MAX_RETRIES = 5;
    static final Duration MAX_BREAKER_DELAY = Duration.ofHours(1);
    static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    /** Lambda's limit for a synchronous payload. */
    static final int MAX_BODY_BYTES = 6 * 1024 * 1024;
    static final int MAX_LOG_LINES = 1_000_000;
    static final Duration MAX_SIGNATURE_TOLERANCE = Duration.ofHours(1);
    static final Duration MAX_SECRET_CACHE_TTL = Duration.ofHours(24);

    private SettingsValidator() {
    }

    /**
     * One bad setting.
     *
     * @param key     the property key, e.g. {@code restart-check.rule.short-offset-minutes}
     * @param value   its value as configured (or as it stands after defaults), never a secret
     * @param allowed what the key accepts
     */
    public record Violation(String key, String value, String allowed) {

        /** The environment variable that sets the key: upper case, anything but letters and digits as {@code _}. */
        public String environmentVariable() {
            return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }

        public String describe() {
            return key + " (" + environmentVariable() + ") = '" + value + "': " + allowed;
        }
    }

    /** @throws InvalidSettingsException naming every violation, when there is any */
    public static void check(RestartCheckConfig config) {
        List<Violation> violations = violations(config);
        if (!violations.isEmpty()) {
            throw new InvalidSettingsException(violations);
        }
    }

    public static List<Violation> violations(RestartCheckConfig config) {
        Rules rules = new Rules();
        workflowPatterns(config.workflowPatterns(), rules);
        rules.range("max-log-lines", config.maxLogLines(), 1, MAX_LOG_LINES);
        rule(config.rule(), rules);
        http(config.http(), rules);
        webhook(config.webhook(), rules);
        rules.notBlank("metrics.namespace", config.metrics().namespace(), "the CloudWatch namespace");
        rules.notBlank("metrics.service", config.metrics().service(), "the value of the metrics' Service dimension");
        instances(config.instances(), rules);
        return List.copyOf(rules.violations);
    }

    private static void workflowPatterns(List<String> patterns, Rules rules) {
        if (patterns == null || patterns.isEmpty() || patterns.stream().anyMatch(p -> p == null || p.isBlank())) {
            rules.add("workflow-patterns", patterns == null ? "" : String.join(",", patterns),
                    "one or more comma-separated workflow globs, none blank (default mcSynch_*)");
        }
    }

    private static void rule(RestartCheckConfig.Rule rule, Rules rules) {
        rules.duration("rule.window-before", rule.windowBefore(), true, MAX_RULE_WINDOW);
        rules.duration("rule.window-after", rule.windowAfter(), true, MAX_RULE_WINDOW);
        rules.duration("rule.quick-recovery", rule.quickRecovery(), true, MAX_RULE_WINDOW);
        boolean shortValid = rules.range("rule.short-offset-minutes", rule.shortOffsetMinutes(), 1, MAX_OFFSET_MINUTES);
        boolean longValid = rules.range("rule.long-offset-minutes", rule.longOffsetMinutes(), 1, MAX_OFFSET_MINUTES);
        if (shortValid && longValid && rule.shortOffsetMinutes() >= rule.longOffsetMinutes()) {
            rules.add("rule.short-offset-minutes", Integer.toString(rule.shortOffsetMinutes()),
                    "must be below " + PREFIX + "rule.long-offset-minutes (" + rule.longOffsetMinutes()
                            + "): the article's 5 and 10 minutes");
        }
    }

    private static void http(RestartCheckConfig.Http http, Rules rules) {
        rules.duration("http.connect-timeout", http.connectTimeout(), false, MAX_HTTP_TIMEOUT);
        rules.duration("http.read-timeout", http.readTimeout(), false, MAX_HTTP_TIMEOUT);
        rules.duration("http.attempt-timeout", http.attemptTimeout(), false, MAX_HTTP_TIMEOUT);
        rules.range("http.max-response-bytes", http.maxResponseBytes(), 1, MAX_RESPONSE_BYTES);
        rules.range("http.max-retries", http.maxRetries(), 0, MAX_RETRIES);
        boolean delayValid = rules.duration("http.retry-delay", http.retryDelay(), true, MAX_RETRY_DELAY);
        boolean jitterValid = rules.duration("http.retry-jitter", http.retryJitter(), true, MAX_RETRY_DELAY);
        if (delayValid && jitterValid && !http.retryJitter().isZero()
                && http.retryJitter().compareTo(http.retryDelay()) >= 0) {
            rules.add("http.retry-jitter", http.retryJitter().toString(), "must be below " + PREFIX
                    + "http.retry-delay (" + http.retryDelay() + "), or PT0S, so that a retry always pauses");
        }
        rules.range("http.breaker-request-volume", http.breakerRequestVolume(), 1, 1000);
        if (!(http.breakerFailureRatio() > 0 && http.breakerFailureRatio() <= 1)) {
            rules.add("http.breaker-failure-ratio", Double.toString(http.breakerFailureRatio()),
                    "a share of failures above 0 and at most 1 (e.g. 0.75)");
        }
        rules.duration("http.breaker-delay", http.breakerDelay(), false, MAX_BREAKER_DELAY);
    }

    private static void webhook(RestartCheckConfig.Webhook webhook, Rules rules) {
        rules.duration("webhook.secret-cache-ttl", webhook.secretCacheTtl(), false, MAX_SECRET_CACHE_TTL);
        rules.duration("webhook.signature-tolerance", webhook.signatureTolerance(), false, MAX_SIGNATURE_TOLERANCE);
        rules.range("webhook.max-body-bytes", webhook.maxBodyBytes(), 1, MAX_BODY_BYTES);
        rules.httpUrl("webhook.secrets-extension-url", webhook.secretsExtensionUrl());
        if (webhook.secretParameter().isPresent() && webhook.secretId().isPresent()) {
            rules.add("webhook.secret-id", webhook.secretId().get(),
                    "set either " + PREFIX + "webhook.secret-parameter or this, not both");
        }
    }

    private static void instances(Map<String, RestartCheckConfig.Instance> instances, Rules rules) {
        // Sorted, so the message lists instances in a stable order.
        Map<String, String> firstKeyByName = new HashMap<>();
        new TreeMap<>(instances).forEach((key, instance) -> {
            String prefix = "instances." + key + ".";
            String name = instance.name().orElse(key);
            String nameKey = prefix + "name";
            if (!WorkflowNames.isAccountName(name)) {
                rules.add(nameKey, name, "the external account's internal name, as in mcSynch_<name>: 1 to "
                        + WorkflowNames.MAX_NAME_LENGTH + " letters, digits or underscores (without name, the key is the name)");
            } else {
                String other = firstKeyByName.putIfAbsent(name.toLowerCase(Locale.ROOT), key);
                if (other != null) {
                    rules.add(nameKey, name, "a name no other instance has, ignoring case (names are matched "
                            + "without case): instance '" + other + "' is also named " + instances.get(other).name()
                            .orElse(other));
                }
            }
            instance.restartUrl().ifPresent(url -> rules.httpUrl(prefix + "restart-url", url));
            if (instance.restartFormat() == RestartCheckConfig.RestartFormat.JSON) {
                if (!isJsonPointer(instance.jsonPointer())) {
                    rules.add(prefix + "json-pointer", instance.jsonPointer(), "a JSON pointer (RFC 6901) for the "
                            + "json restart format: empty or starting with /, ~ only as ~0 or ~1, e.g. /lastRestart");
                }
            } else {
                RestartCheckConfig.Monitor monitor = instance.monitor();
                String why = "must not be blank for the monitor-xml restart format";
                rules.notBlank(prefix + "monitor.process-element", monitor.processElement(), why);
                rules.notBlank(prefix + "monitor.name-attribute", monitor.nameAttribute(), why);
                rules.notBlank(prefix + "monitor.name-prefix", monitor.namePrefix(), why);
                rules.notBlank(prefix + "monitor.start-attribute", monitor.startAttribute(), why);
            }
            if (instance.authHeaderValue().isPresent() && !isHeaderName(instance.authHeaderName())) {
                rules.add(prefix + "auth-header-name", instance.authHeaderName(),
                        "an HTTP header name (letters, digits and !#$%&'*+-.^_`|~), e.g. Authorization or Cookie");
            }
            Duration every = instance.workflowSchedule().every();
            if (every.compareTo(Duration.ofMinutes(1)) < 0 || every.compareTo(Duration.ofDays(1)) > 0
                    || every.toSeconds() % 60 != 0 || every.getNano() != 0) {
                rules.add(prefix + "workflow-schedule.every", every.toString(),
                        "whole minutes from PT1M to P1D (PT24H): how often mcSynch_" + name + " runs");
            }
        });
    }

    private static boolean isJsonPointer(String pointer) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Jackson reads a lone or unknown ~ escape literally; RFC 6901 allows only ~0 and ~1.
        for (int i = pointer.indexOf('~'); i >= 0; i = pointer.indexOf('~', i + 1)) {
            if (i + 1 >= pointer.length() || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHeaderName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Collects violations; keys are given without the {@code restart-check.} prefix. */
    private static final class Rules {
        private final List<Violation> violations = new ArrayList<>();

        void add(String key, String value, String allowed) {
            violations.add(new Violation(PREFIX + key, value, allowed));
        }

        boolean range(String key, long value, long min, long max) {
            if (value < min || value > max) {
                add(key, Long.toString(value), "a whole number from " + min + " to " + max);
                return false;
            }
            return true;
        }

        boolean duration(String key, Duration value, boolean zeroAllowed, Duration max) {
            boolean tooSmall = zeroAllowed ? value.isNegative() : value.isNegative() || value.isZero();
            if (tooSmall || value.compareTo(max) > 0) {
                add(key, value.toString(), "a duration " + (zeroAllowed ? "from PT0S" : "above PT0S") + " to " + max
                        + " (ISO-8601 such as PT2S, or 2s)");
                return false;
            }
            return true;
        }

        void notBlank(String key, String value, String what) {
            if (value == null || value.isBlank()) {
                add(key, value == null ? "" : value, what.startsWith("must") ? what : "must not be blank: " + what);
            }
        }

        void httpUrl(String key, URI url) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                add(key, shown(url), "an absolute http:// or https:// URL with a host");
            }
        }

        /** A URL without what may be a secret: its user info and query (a session token travels there). */
        private static String shown(URI url) {
            if (url.getHost() == null) {
                return url.getRawQuery() == null ? url.toString() : url.toString().replace(url.getRawQuery(), "…");
            }
            return url.getScheme() + "://" + (url.getRawUserInfo() == null ? "" : "…@") + url.getHost()
                    + (url.getPort() < 0 ? "" : ":" + url.getPort()) + url.getRawPath()
                    + (url.getRawQuery() == null ? "" : "?…");
        }
    }
}
