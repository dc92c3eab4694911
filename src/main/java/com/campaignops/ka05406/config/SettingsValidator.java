package com.campaignops.ka05406.config;

import com.campaignops.ka05406.alerts.AlertsConfig;
import com.campaignops.ka05406.alerts.SlackChannel;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.fasterxml.jackson.core.JsonPointer;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every rule on the settings that their types cannot express, {@code campaign.*} and {@code alerts.*} included:
 * bounds, and the rules between settings in one place (docs/configuration.md lists them). Type errors (a bad zone,
 * URL or number) already stop the configuration from loading; these stop start-up.
 *
 * <p>Plain Java on the mappings, so each rule is tested without starting the application, and no validation
 * framework is loaded at start-up (Hibernate Validator on the mapping: +1 s CPU to the first verdict, bench/run).
 * No secret is ever quoted: {@code auth-header-value}, passwords, tokens and channel URLs are named, never shown,
 * and a restart or Campaign URL is shown without its query or user info.
 */
public final class SettingsValidator {

    static final String PREFIX = "restart-check.";
    static final String NOT_SHOWN = "(set; not shown: a secret)";
    private static final Pattern LONE_TILDE = Pattern.compile("~(?![01])");
    /** RFC 9110's token. */
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    static final int MAX_OFFSET_MINUTES = 60;
    static final Duration MAX_RULE_WINDOW = Duration.ofHours(1);
    /** The function's Lambda timeout is 30 s (template.yaml): one HTTP wait longer than a minute is a unit slip. */
    static final Duration MAX_HTTP_TIMEOUT = Duration.ofSeconds(60);
    static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(10);
    static final Duration MAX_SECRET_CACHE_TTL = Duration.ofHours(24);

    private SettingsValidator() {
    }

    /** One bad setting: its full key, its value (never a secret) and what the key accepts. */
    public record Violation(String key, String value, String allowed) {

        public String environmentVariable() {
            return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }

        public String describe() {
            return key + " (" + environmentVariable() + ") = '" + value + "': " + allowed;
        }
    }

    public static List<Violation> violations(RestartCheckConfig config, AlertsConfig alerts) {
        Rules rules = new Rules();
        List<String> patterns = config.workflowPatterns();
        if (patterns == null || patterns.isEmpty() || patterns.stream().anyMatch(p -> p == null || p.isBlank())) {
            rules.add("workflow-patterns", patterns == null ? "" : String.join(",", patterns),
                    "one or more comma-separated workflow globs, none blank (default mcSynch_*)");
        }
        rules.range("max-log-lines", config.maxLogLines(), 1, 1_000_000);
        config.language().ifPresent(tag -> rules.language("language", tag));
        rule(config.rule(), rules);
        http(config.http(), rules);
        webhook(config.webhook(), rules);
        rules.notBlank("metrics.namespace", config.metrics().namespace(), "the CloudWatch namespace");
        rules.notBlank("metrics.service", config.metrics().service(), "the value of the metrics' Service dimension");
        rules.duration("function-timeout", config.functionTimeout(), false, Duration.ofMinutes(15)); // Lambda's longest
        // What the answer needs after the last wait is milliseconds; seconds more would only shorten every budget.
        rules.duration("time-margin", config.timeMargin(), true, Duration.ofSeconds(5));
        campaign(config.campaign(), config.functionTimeout(), config.timeMargin(), rules);
        alerts(alerts, rules);
        instances(config.instances(), rules);
        return List.copyOf(rules.violations);
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
        rules.range("http.max-response-bytes", http.maxResponseBytes(), 1, 16 * 1024 * 1024);
        rules.range("http.max-retries", http.maxRetries(), 0, 5);
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
        rules.duration("http.breaker-delay", http.breakerDelay(), false, Duration.ofHours(1));
    }

    private static void webhook(RestartCheckConfig.Webhook webhook, Rules rules) {
        rules.duration("webhook.secret-cache-ttl", webhook.secretCacheTtl(), false, MAX_SECRET_CACHE_TTL);
        rules.duration("webhook.signature-tolerance", webhook.signatureTolerance(), false, Duration.ofHours(1));
        rules.range("webhook.max-body-bytes", webhook.maxBodyBytes(), 1, 6 * 1024 * 1024); // Lambda's payload limit
        rules.httpUrl("webhook.secrets-extension-url", webhook.secretsExtensionUrl());
        if (webhook.secretParameter().isPresent() && webhook.secretId().isPresent()) {
            rules.add("webhook.secret-id", webhook.secretId().get(),
                    "set either " + PREFIX + "webhook.secret-parameter or this, not both");
        }
    }

    private static void campaign(RestartCheckConfig.Campaign campaign, Duration functionTimeout, Duration timeMargin,
                                 Rules rules) {
        campaign.url().ifPresent(url -> rules.httpUrl("campaign.url", url));
        // One ExecuteQuery page is one SOAP answer, itself bounded by campaign.max-response-bytes.
        boolean pageValid = rules.range("campaign.page-size", campaign.pageSize(), 1, 10_000);
        if (rules.range("campaign.max-lines", campaign.maxLines(), 1, 1_000_000) && pageValid
                && campaign.maxLines() < campaign.pageSize()) {
            rules.add("campaign.max-lines", Integer.toString(campaign.maxLines()), "at least " + PREFIX
                    + "campaign.page-size (" + campaign.pageSize() + "): a journal is read a page at a time");
        }
        rules.range("campaign.max-workflows", campaign.maxWorkflows(), 1, 1_000);
        rules.range("campaign.parallelism", campaign.parallelism(), 1, 16);
        rules.range("campaign.max-response-bytes", campaign.maxResponseBytes(), 1, 64 * 1024 * 1024);
        if (rules.range("campaign.history-days", campaign.historyDays(), 1, 90)) {
            rules.range("campaign.recurrence-min-days", campaign.recurrenceMinDays(), 1, campaign.historyDays());
            rules.duration("campaign.lookback", campaign.lookback(), false, Duration.ofDays(campaign.historyDays()),
                    "; the journal read reaches back " + PREFIX + "campaign.history-days (" + campaign.historyDays()
                            + ")");
        }
        rules.duration("campaign.run-gap", campaign.runGap(), false, Duration.ofDays(1));
        rules.duration("campaign.secret-cache-ttl", campaign.secretCacheTtl(), true, MAX_SECRET_CACHE_TTL);
        rules.duration("campaign.read-timeout", campaign.readTimeout(), false, MAX_HTTP_TIMEOUT);
        rules.duration("campaign.attempt-timeout", campaign.attemptTimeout(), false, MAX_HTTP_TIMEOUT);
        campaign.sweepPeriod().ifPresent(period -> rules.wholeMinutes("campaign.sweep-period", period,
                "how often the sweep runs on its own schedule (template.yaml's SweepEveryMinutes)"));
        Duration deadline = campaign.deadline();
        if (deadline.isNegative() || deadline.isZero() || deadline.plus(timeMargin).compareTo(functionTimeout) > 0) {
            rules.add("campaign.deadline", deadline.toString(), "a duration above PT0S that, with " + PREFIX
                    + "time-margin (" + timeMargin + "), fits in " + PREFIX + "function-timeout (" + functionTimeout
                    + "), the Lambda timeout, so the report is answered");
        }
        if (campaign.url().isEmpty() || present(campaign.sessionToken())) {
            return;
        }
        // Logon mode: a login and exactly one place the password is kept.
        Map<String, String> sources = new LinkedHashMap<>();
        campaign.passwordParameter().filter(v -> !v.isBlank()).ifPresent(v -> sources.put("password-parameter", v));
        campaign.passwordSecretId().filter(v -> !v.isBlank()).ifPresent(v -> sources.put("password-secret-id", v));
        campaign.password().filter(v -> !v.isBlank()).ifPresent(v -> sources.put("password", NOT_SHOWN));
        if (!present(campaign.login())) {
            rules.add("campaign.login", "", "the Campaign operator that logs on (with one password source), or "
                    + PREFIX + "campaign.session-token for trusted-IP mode: " + PREFIX + "campaign.url is set");
        } else if (sources.isEmpty()) {
            rules.add("campaign.password-parameter", "", "where the password of login '" + campaign.login().get()
                    + "' is kept: password-parameter (SSM), password-secret-id (Secrets Manager) or password (local use)");
        } else if (sources.size() > 1) {
            List<String> keys = List.copyOf(sources.keySet());
            rules.add("campaign." + keys.get(1), sources.get(keys.get(1)), "one password source only: "
                    + PREFIX + "campaign." + keys.get(0) + " is also set");
        }
    }

    private static void alerts(AlertsConfig alerts, Rules rules) {
        rules.range("alerts.max-findings", alerts.maxFindings(), 1, SlackChannel.MAX_GROUPS);
        rules.duration("alerts.connect-timeout", alerts.connectTimeout(), false, MAX_HTTP_TIMEOUT);
        rules.duration("alerts.attempt-timeout", alerts.attemptTimeout(), false, MAX_HTTP_TIMEOUT);
        rules.duration("alerts.retry-delay", alerts.retryDelay(), true, MAX_RETRY_DELAY);
        rules.duration("alerts.max-retry-after", alerts.maxRetryAfter(), true, MAX_HTTP_TIMEOUT);
        rules.duration("alerts.secret-cache-ttl", alerts.secretCacheTtl(), true, MAX_SECRET_CACHE_TTL);
        alerts.language().ifPresent(tag -> rules.language("alerts.language", tag));
        channel("slack", alerts.slack(), rules);
        channel("teams", alerts.teams(), rules);
        AlertsConfig.SignedChannel webhook = alerts.webhook();
        channel("webhook", webhook, rules);
        if (present(webhook.url()) && !present(webhook.signingSecret())) {
            rules.add("alerts.webhook.signing-secret", "", "the HMAC secret the generic webhook's requests are signed"
                    + " with: " + PREFIX + "alerts.webhook.url is set, and a request is never sent unsigned");
        }
    }

    private static void channel(String name, AlertsConfig.Channel channel, Rules rules) {
        String prefix = "alerts." + name + ".";
        if (present(channel.url())) {
            // The URL is a secret (a Slack webhook URL lets anyone post): its shape is checked, it is not shown.
            URI uri;
            try {
                uri = new URI(channel.url().get().strip());
            } catch (URISyntaxException e) {
                uri = null;
            }
            String host = uri == null || uri.getHost() == null ? "" : uri.getHost();
            String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean local = host.equals("localhost") || host.equals("127.0.0.1");
            if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http") && local)) {
                rules.add(prefix + "url", NOT_SHOWN, "an https:// URL with a host (http:// only to localhost)");
            }
        }
        if (present(channel.urlParameter()) && present(channel.urlSecretId())) {
            rules.add(prefix + "url-secret-id", channel.urlSecretId().get(), "set either " + PREFIX + prefix
                    + "url-parameter or this, not both");
        }
        channel.language().ifPresent(tag -> rules.language(prefix + "language", tag));
    }

    private static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
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
            String header = instance.authHeaderName();
            if (instance.authHeaderValue().isPresent() && (header == null || !HEADER_NAME.matcher(header).matches())) {
                rules.add(prefix + "auth-header-name", header,
                        "an HTTP header name (letters, digits and !#$%&'*+-.^_`|~), e.g. Authorization or Cookie");
            }
            rules.wholeMinutes(prefix + "workflow-schedule.every", instance.workflowSchedule().every(),
                    "how often mcSynch_" + name + " runs");
        });
    }

    private static boolean isJsonPointer(String pointer) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Jackson reads a lone or unknown ~ escape literally; RFC 6901 allows only ~0 and ~1.
        return !LONE_TILDE.matcher(pointer).find();
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
            return duration(key, value, zeroAllowed, max, "");
        }

        boolean duration(String key, Duration value, boolean zeroAllowed, Duration max, String why) {
            boolean tooSmall = zeroAllowed ? value.isNegative() : value.isNegative() || value.isZero();
            if (tooSmall || value.compareTo(max) > 0) {
                add(key, value.toString(), "a duration " + (zeroAllowed ? "from PT0S" : "above PT0S") + " to " + max
                        + " (ISO-8601 such as PT2S, or 2s)" + why);
                return false;
            }
            return true;
        }

        void wholeMinutes(String key, Duration value, String what) {
            if (value.compareTo(Duration.ofMinutes(1)) < 0 || value.compareTo(Duration.ofDays(1)) > 0
                    || value.toSeconds() % 60 != 0 || value.getNano() != 0) {
                add(key, value.toString(), "whole minutes from PT1M to P1D (PT24H): " + what);
            }
        }

        /** A BCP 47 tag the function speaks, itself or by a parent ({@code fr-CA} is French). */
        void language(String key, String tag) {
            String language;
            try {
                language = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build().getLanguage();
            } catch (IllformedLocaleException e) {
                language = "";
            }
            if (language.isEmpty() || Language.ofTag(tag) == Language.EN && !language.equals("en")) {
                add(key, tag, "a language tag (BCP 47) of a language the function speaks: "
                        + Arrays.stream(Language.values()).map(Language::tag).collect(Collectors.joining(", "))
                        + "; a region falls back to its language (fr-CA is fr)");
            }
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
