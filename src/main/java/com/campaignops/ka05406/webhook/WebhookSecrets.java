package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.secrets.SecretRef;
import com.campaignops.ka05406.secrets.SecretStore;
import com.campaignops.ka05406.secrets.SecretUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The secrets webhook signatures are checked against: from the environment, or from SSM (one secret, or current
 * and previous on two lines) or Secrets Manager (the same, or JSON {"current", "previous"}) through
 * {@link SecretStore}, whose failure policy applies: a failed refresh keeps the secrets read before.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    private final List<byte[]> fromEnvironment;
    private final Optional<SecretRef> stored;
    private final Duration ttl;
    private final SecretStore store;

    WebhookSecrets(RestartCheckConfig config, SecretStore store) {
        RestartCheckConfig.Webhook webhook = config.webhook();
        this.fromEnvironment = Stream.of(webhook.secret(), webhook.previousSecret())
                .flatMap(Optional::stream).filter(s -> !s.isBlank()).map(WebhookSecrets::bytes).toList();
        this.stored = SecretRef.of(webhook.secretParameter(), webhook.secretId());
        this.ttl = webhook.secretCacheTtl();
        this.store = store;
    }

    /**
     * What the webhook can check signatures against right now: empty when no secret is configured anywhere.
     *
     * @throws SecretUnavailableException when a secret is configured but could not be read, and none was read before
     */
    public List<byte[]> current() {
        if (stored.isEmpty()) {
            return fromEnvironment;
        }
        try {
            SecretStore.Pair pair = store.readPair(stored.get(), ttl, "current", "previous");
            return Stream.concat(Stream.of(pair.first()), pair.second().stream()).map(WebhookSecrets::bytes).toList();
        } catch (SecretUnavailableException e) {
            LOG.errorf("Webhook secret unavailable: %s", e.getMessage());
            throw e;
        }
    }

    private static byte[] bytes(String secret) {
        return secret.strip().getBytes(StandardCharsets.UTF_8);
    }
}
