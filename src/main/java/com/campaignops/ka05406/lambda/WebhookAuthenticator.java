package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.webhook.WebhookSecrets;
import com.campaignops.ka05406.webhook.WebhookSignature;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Map;

/**
 * Decides whether a webhook call may be answered: its HMAC signature must match a configured secret.
 * Only the HTTP path needs it; direct invocations, EventBridge and SNS are authorised by IAM. With no
 * secret configured the webhook is closed, unless the development flag opens it.
 */
@ApplicationScoped
class WebhookAuthenticator {

    private static final Logger LOG = Logger.getLogger(WebhookAuthenticator.class);

    enum Outcome { ACCEPTED, REFUSED, SECRET_UNAVAILABLE }

    private final WebhookSecrets secrets;
    private final WebhookSignature signature;
    private final boolean allowUnsigned;
    private final Clock clock;

    WebhookAuthenticator(WebhookSecrets secrets, RestartCheckConfig config, Clock clock) {
        this.secrets = secrets;
        this.signature = new WebhookSignature(config.webhook().signatureTolerance());
        this.allowUnsigned = config.webhook().allowUnsigned();
        this.clock = clock;
    }

    /** @param headers with lower-case names; {@code body} exactly as the caller sent (and signed) it */
    Outcome check(Map<String, String> headers, byte[] body) {
        WebhookSecrets.Lookup lookup = secrets.current();
        if (lookup instanceof WebhookSecrets.Lookup.Unavailable) {
            return Outcome.SECRET_UNAVAILABLE;
        }
        if (lookup instanceof WebhookSecrets.Lookup.None) {
            if (allowUnsigned) {
                return Outcome.ACCEPTED;
            }
            LOG.warn("Refused webhook call: no webhook secret is configured (restart-check.webhook.secret, "
                    + "secret-parameter or secret-id), so the webhook stays closed");
            return Outcome.REFUSED;
        }
        WebhookSignature.Check check = signature.verify(headers.get(WebhookSignature.TIMESTAMP_HEADER),
                headers.get(WebhookSignature.SIGNATURE_HEADER), body,
                ((WebhookSecrets.Lookup.Found) lookup).secrets(), clock.instant());
        if (check != WebhookSignature.Check.VALID) {
            LOG.warnf("Refused webhook call: signature %s", check);
            return Outcome.REFUSED;
        }
        return Outcome.ACCEPTED;
    }
}
