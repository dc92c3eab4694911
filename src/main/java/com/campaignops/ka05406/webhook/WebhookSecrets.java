package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.config.RestartCheckConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The secrets webhook signatures are checked against: from the environment, or from SSM / Secrets
 * Manager through the extension, cached for a TTL. A failed refresh keeps the last secrets read, since
 * an outage of the secret store should not become an outage of the webhook.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    /** What the webhook can check signatures against right now. */
    public sealed interface Lookup {
        record Found(List<byte[]> secrets) implements Lookup {
        }

        /** No secret is configured anywhere. */
        record None() implements Lookup {
        }

        /** A secret is configured but could not be read, and none was read before. */
        record Unavailable(String reason) implements Lookup {
        }
    }

    private record Cached(List<byte[]> secrets, Instant expires) {
    }

    private final List<byte[]> fromEnvironment;
    private final SecretsExtension extension;
    private final Duration ttl;
    private final Clock clock;
    private volatile Cached cached;

    WebhookSecrets(RestartCheckConfig config, SecretsExtension extension, Clock clock) {
        RestartCheckConfig.Webhook webhook = config.webhook();
        this.fromEnvironment = Stream.of(webhook.secret(), webhook.previousSecret())
                .flatMap(Optional::stream).filter(s -> !s.isBlank()).map(WebhookSecrets::bytes).toList();
        this.extension = extension;
        this.ttl = webhook.secretCacheTtl();
        this.clock = clock;
    }

    public Lookup current() {
        if (!extension.configured()) {
            return fromEnvironment.isEmpty() ? new Lookup.None() : new Lookup.Found(fromEnvironment);
        }
        Cached now = cached;
        if (now != null && clock.instant().isBefore(now.expires())) {
            return new Lookup.Found(now.secrets());
        }
        return refresh();
    }

    /** One refresh at a time: concurrent invocations wait for it rather than all asking the extension. */
    private synchronized Lookup refresh() {
        Cached stale = cached;
        if (stale != null && clock.instant().isBefore(stale.expires())) {
            return new Lookup.Found(stale.secrets());
        }
        try {
            List<byte[]> secrets = extension.read().stream().map(WebhookSecrets::bytes).toList();
            cached = new Cached(secrets, clock.instant().plus(ttl));
            return new Lookup.Found(secrets);
        } catch (SecretUnavailableException e) {
            if (stale != null) {
                LOG.warnf("Webhook secret not refreshed (%s); the one read before stays in use", e.getMessage());
                cached = new Cached(stale.secrets(), clock.instant().plus(ttl));
                return new Lookup.Found(stale.secrets());
            }
            LOG.errorf("Webhook secret unavailable: %s", e.getMessage());
            return new Lookup.Unavailable(e.getMessage());
        }
    }

    /** Drops secrets read through the extension, e.g. after a SnapStart restore; the next call reads again. */
    public void forget() {
        cached = null;
    }

    private static byte[] bytes(String secret) {
        return secret.strip().getBytes(StandardCharsets.UTF_8);
    }
}
