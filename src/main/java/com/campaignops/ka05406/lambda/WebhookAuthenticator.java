package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.config.RestartCheckConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the webhook's shared token. Only the HTTP path needs it: direct invocations, EventBridge and
 * SNS are already authorised by IAM before they reach the function.
 */
@ApplicationScoped
class WebhookAuthenticator {

    private static final String BEARER = "bearer ";

    private final Optional<byte[]> token;

    WebhookAuthenticator(RestartCheckConfig config) {
        this.token = config.webhook().token().filter(t -> !t.isBlank())
                .map(t -> t.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** @param headers with lower-case names */
    boolean accepts(Map<String, String> headers) {
        if (token.isEmpty()) {
            return true;
        }
        String authorization = headers.getOrDefault("authorization", "");
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] presented = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        // Constant-time, so the comparison does not leak how much of a guess was right.
        return MessageDigest.isEqual(presented, token.get());
    }
}
