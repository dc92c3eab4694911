package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.secrets.SecretRef;
import com.campaignops.ka05406.secrets.SecretStore;
import com.campaignops.ka05406.secrets.SecretUnavailableException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where each channel posts, read from the environment (local use) or, at send time, from SSM or Secrets Manager
 * through {@link SecretStore} (a URL; or the URL and a signing secret on two lines; or JSON {"url",
 * "signingSecret"}), whose cache and failure policy apply. Only https URLs are used (http only to localhost, for
 * local receivers). No message here ever holds the URL or the secret.
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

    private record Source(Optional<String> url, Optional<String> signingSecret, Optional<SecretRef> stored) {
        boolean configured() {
            return present(url) || stored.isPresent();
        }
    }

    private final Map<ChannelName, Source> sources;
    private final SecretStore store;
    private final Duration ttl;

    ChannelTargets(AlertsConfig config, SecretStore store) {
        this.store = store;
        this.ttl = config.secretCacheTtl();
        this.sources = Map.of(
                ChannelName.SLACK, new Source(config.slack().url(), Optional.empty(),
                        SecretRef.of(config.slack().urlParameter(), config.slack().urlSecretId())),
                ChannelName.TEAMS, new Source(config.teams().url(), Optional.empty(),
                        SecretRef.of(config.teams().urlParameter(), config.teams().urlSecretId())),
                ChannelName.WEBHOOK, new Source(config.webhook().url(), config.webhook().signingSecret(),
                        SecretRef.of(config.webhook().urlParameter(), config.webhook().urlSecretId())));
    }

    boolean configured(ChannelName channel) {
        return sources.get(channel).configured();
    }

    /** @throws Unavailable when the URL (or the webhook's signing secret) cannot be had now */
    Target resolve(ChannelName channel) {
        Source source = sources.get(channel);
        Target target;
        if (present(source.url())) {
            target = target(source.url().get(), source.signingSecret().filter(s -> !s.isBlank()).orElse(null));
        } else {
            try {
                SecretStore.Pair pair = store.readPair(source.stored().orElseThrow(), ttl, "url", "signingSecret");
                target = target(pair.first(), pair.second().orElse(null));
            } catch (SecretUnavailableException e) {
                throw new Unavailable("the URL could not be read: " + e.getMessage());
            }
        }
        if (channel == ChannelName.WEBHOOK && target.signingSecret() == null) {
            throw new Unavailable("no signing secret configured");
        }
        return target;
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
}
