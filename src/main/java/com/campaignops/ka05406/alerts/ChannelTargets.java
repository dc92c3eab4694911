package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.webhook.ParametersAndSecrets;
import com.campaignops.ka05406.webhook.SecretUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each channel posts, read from the environment (local use) or through the Parameters and Secrets
 * extension at send time, cached for {@code secret-cache-ttl}; a failed read is not cached. Only https URLs
 * are used (http only to localhost, for local receivers). No message here ever holds the URL or the secret.
 */
final class ChannelTargets {

    /** A channel's URL and, for the generic webhook, its signing secret. */
    record Target(URI url, byte[] signingSecret) {
    }

    /** The channel is configured but cannot be used now; the reason holds no secret. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Cached(Target target, Instant expires) {
    }

    private record Source(Optional<String> url, Optional<String> signingSecret, Optional<String> parameter,
                          Optional<String> secretId) {
        boolean configured() {
            return present(url) || present(parameter) || present(secretId);
        }
    }

    private final Map<ChannelName, Source> sources;
    private final ParametersAndSecrets extension;
    private final ObjectMapper mapper;
    private final AlertsConfig config;
    private final Clock clock;
    private final Map<ChannelName, Cached> cache = new ConcurrentHashMap<>();

    ChannelTargets(AlertsConfig config, ParametersAndSecrets extension, ObjectMapper mapper, Clock clock) {
        this.config = config;
        this.extension = extension;
        this.mapper = mapper;
        this.clock = clock;
        this.sources = Map.of(
                ChannelName.SLACK, new Source(config.slack().url(), Optional.empty(), config.slack().urlParameter(),
                        config.slack().urlSecretId()),
                ChannelName.TEAMS, new Source(config.teams().url(), Optional.empty(), config.teams().urlParameter(),
                        config.teams().urlSecretId()),
                ChannelName.WEBHOOK, new Source(config.webhook().url(), config.webhook().signingSecret(),
                        config.webhook().urlParameter(), config.webhook().urlSecretId()));
    }

    boolean configured(ChannelName channel) {
        return sources.get(channel).configured();
    }

    /** @throws Unavailable when the URL (or the webhook's signing secret) cannot be had now */
    Target resolve(ChannelName channel) {
        Cached cached = cache.get(channel);
        if (cached != null && clock.instant().isBefore(cached.expires())) {
            return cached.target();
        }
        Source source = sources.get(channel);
        Target target;
        if (present(source.url())) {
            target = target(source.url().get(), source.signingSecret().filter(ChannelTargets::present).orElse(null));
        } else {
            String value;
            try {
                value = present(source.parameter()) ? extension.parameter(source.parameter().get())
                        : extension.secret(source.secretId().orElseThrow());
            } catch (SecretUnavailableException e) {
                throw new Unavailable("the URL could not be read: " + e.getMessage());
            }
            target = parse(value);
        }
        if (channel == ChannelName.WEBHOOK && target.signingSecret() == null) {
            throw new Unavailable("no signing secret configured");
        }
        cache.put(channel, new Cached(target, clock.instant().plus(config.secretCacheTtl())));
        return target;
    }

    /** A URL; or the URL and a signing secret on two lines; or JSON {"url", "signingSecret"}. */
    private Target parse(String value) {
        String text = value == null ? "" : value.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode json = mapper.readTree(text);
                return target(json.path("url").asText(""), json.path("signingSecret").asText(null));
            } catch (JsonProcessingException e) {
                throw new Unavailable("the secret looks like JSON but is not valid JSON");
            }
        }
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).limit(2).toList();
        if (lines.isEmpty()) {
            throw new Unavailable("the parameter or secret is empty");
        }
        return target(lines.get(0), lines.size() > 1 ? lines.get(1) : null);
    }

    private static Target target(String url, String signingSecret) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Unavailable("the configured URL is not a URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean local = host.equals("localhost") || host.equals("127.0.0.1");
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !("http".equalsIgnoreCase(uri.getScheme()) && local)) {
            throw new Unavailable("the configured URL is not https");
        }
        return new Target(uri, signingSecret == null || signingSecret.isBlank() ? null
                : signingSecret.strip().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean present(Optional<String> value) {
        return value.isPresent() && !value.get().isBlank();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
