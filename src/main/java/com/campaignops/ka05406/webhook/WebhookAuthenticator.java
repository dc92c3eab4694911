package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.secrets.SecretUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a webhook call may be answered: its HMAC signature must match a configured secret.
 * Only the HTTP path needs it; direct invocations, EventBridge and SNS are authorised by IAM. With no
 * secret configured the webhook is closed, unless the development flag opens it.
 */
@ApplicationScoped
public class WebhookAuthenticator {

    private static final Logger LOG = Logger.getLogger(WebhookAuthenticator.class);
    /** Signatures remembered before expired ones are dropped: a few hundred kilobytes at most. */
    private static final int MAX_REMEMBERED = 10_000;

    public enum Outcome {
        ACCEPTED,
        /**
         * Signed and in time, but the same signed request was already accepted here: answered again (a caller's
         * retry), never alerted again. Within this execution environment only (README, Alerts).
         */
        REPLAYED,
        /** 401: says nothing of why, so a caller probing the webhook learns nothing. */
        REFUSED,
        /** 503: a secret is configured but could not be read yet. */
        SECRET_UNAVAILABLE
    }

    private final WebhookSecrets secrets;
    private final WebhookSignature signature;
    private final boolean allowUnsigned;
    private final Clock clock;
    /** Each accepted signature until its timestamp leaves the tolerance, when the signature check refuses it. */
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    WebhookAuthenticator(WebhookSecrets secrets, RestartCheckConfig config, Clock clock) {
        this.secrets = secrets;
        this.signature = new WebhookSignature(config.webhook().signatureTolerance());
        this.allowUnsigned = config.webhook().allowUnsigned();
        this.clock = clock;
    }

    /** @param headers with lower-case names; {@code body} exactly as the caller sent (and signed) it */
    public Outcome check(Map<String, String> headers, byte[] body) {
        List<byte[]> accepted;
        try {
            accepted = secrets.current();
        } catch (SecretUnavailableException e) {
            return Outcome.SECRET_UNAVAILABLE;
        }
        if (accepted.isEmpty()) {
            if (allowUnsigned) {
                return Outcome.ACCEPTED;
            }
            LOG.warn("Refused webhook call: no webhook secret is configured (restart-check.webhook.secret, "
                    + "secret-parameter or secret-id), so the webhook stays closed");
            return Outcome.REFUSED;
        }
        WebhookSignature.Check check = signature.verify(headers.get(WebhookSignature.TIMESTAMP_HEADER),
                headers.get(WebhookSignature.SIGNATURE_HEADER), body, accepted, clock.instant());
        if (check != WebhookSignature.Check.VALID) {
            LOG.warnf("Refused webhook call: signature %s", check);
            return Outcome.REFUSED;
        }
        return firstTime(headers.get(WebhookSignature.SIGNATURE_HEADER)) ? Outcome.ACCEPTED : Outcome.REPLAYED;
    }

    /** Remembers a valid signature for twice the tolerance (the timestamp may be that far ahead of the clock). */
    private boolean firstTime(String presented) {
        Instant now = clock.instant();
        if (seen.size() > MAX_REMEMBERED) {
            seen.values().removeIf(until -> until.isBefore(now));
        }
        Instant until = now.plus(signature.tolerance().multipliedBy(2));
        Instant before = seen.putIfAbsent(presented, until);
        if (before != null && before.isBefore(now)) {
            return seen.replace(presented, before, until);
        }
        return before == null;
    }
}
