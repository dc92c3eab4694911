package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.secrets.SecretRef;
import com.campaignops.ka05406.secrets.SecretStore;
import com.campaignops.ka05406.secrets.SecretUnavailableException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Where each channel posts, read from the environment (local use) or, at send time, from SSM or Secrets Manager
 * through {@link SecretStore}, whose cache and failure policy apply. Only https URLs are used (http only to
 * localhost, for local receivers). No message here ever holds the URL or the secret.
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

    private final AlertsConfig config;
    private final SecretStore store;

    ChannelTargets(AlertsConfig config, SecretStore store) {
        this.config = config;
        this.store = store;
    }

    /** @throws Unavailable when the URL (or the webhook's signing secret) cannot be had now */
    Target resolve(ChannelName channel) {
        AlertsConfig.Channel settings = channel.settings(config);
        Target target;
        if (settings.url().isPresent() && !settings.url().get().isBlank()) {
            target = target(settings.url().get(),
                    channel == ChannelName.WEBHOOK ? config.webhook().signingSecret().orElse(null) : null);
        } else {
            try {
                SecretStore.Pair pair = store.readPair(SecretRef.of(settings.urlParameter(), settings.urlSecretId())
                        .orElseThrow(), config.secretCacheTtl(), "url", "signingSecret");
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
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !("http".equalsIgnoreCase(uri.getScheme()) && local)) {
            throw new Unavailable("the configured URL is not https");
        }
        return new Target(uri, signingSecret == null || signingSecret.isBlank() ? null
                : signingSecret.strip().getBytes(StandardCharsets.UTF_8));
    }
}
