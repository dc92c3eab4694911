package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.lambda.EventShapes.Invocation;
import com.campaignops.ka05406.lambda.Outcome.ErrorBody;
import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.webhook.WebhookAuthenticator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Everything a webhook request must pass before its body is parsed, cheapest first: the path, the
 * method, a body that is there and within the size limit, and then its signature, which
 * {@link WebhookAuthenticator} checks. Nothing here parses JSON, so an unsigned caller never reaches the parser.
 */
final class WebhookRequests {

    /**
     * Either the body, verified, or the refusal to send back.
     *
     * @param replayed the same signed request was accepted before: answered, not alerted again
     */
    record Verified(String body, ErrorBody refusal, Map<String, String> refusalHeaders, boolean replayed) {
        static Verified refused(ErrorBody refusal, Map<String, String> headers) {
            return new Verified(null, refusal, headers, false);
        }
    }

    private final WebhookAuthenticator authenticator;
    private final int maxBodyBytes;

    WebhookRequests(WebhookAuthenticator authenticator, int maxBodyBytes) {
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    Verified verify(Invocation.Webhook webhook, String requestId) {
        if (!served(webhook.path())) {
            return Verified.refused(ErrorBody.notFound(webhook.path()), Map.of());
        }
        if (!"POST".equalsIgnoreCase(webhook.method())) {
            return Verified.refused(ErrorBody.methodNotAllowed(webhook.method()), Map.of("allow", "POST"));
        }
        byte[] body;
        try {
            body = bodyBytes(webhook);
        } catch (InvalidNotificationException e) {
            return Verified.refused(ErrorBody.invalid(e), Map.of());
        }
        WebhookAuthenticator.Outcome outcome = authenticator.check(webhook.headers(), body);
        return switch (outcome) {
            case ACCEPTED, REPLAYED -> new Verified(new String(body, StandardCharsets.UTF_8), null, Map.of(),
                    outcome == WebhookAuthenticator.Outcome.REPLAYED);
            case REFUSED -> Verified.refused(ErrorBody.unauthorized(), Map.of("www-authenticate", "Signature"));
            case SECRET_UNAVAILABLE -> Verified.refused(ErrorBody.secretUnavailable(requestId), Map.of("retry-after", "30"));
        };
    }

    /** POST /diagnose on the HTTP API (any stage), or the root of a Function URL; test consoles send no path. */
    private static boolean served(String path) {
        return path == null || path.isEmpty() || path.equals("/") || path.endsWith("/diagnose")
                || path.endsWith("/diagnose/");
    }

    /** The body exactly as the caller sent, and signed, it, within the size limit. */
    private byte[] bodyBytes(Invocation.Webhook webhook) {
        String body = webhook.body();
        if (body == null || body.isBlank()) {
            throw new InvalidNotificationException("body", "is empty: POST the notification as JSON");
        }
        if (!webhook.base64Encoded()) {
            return withinLimit(body.getBytes(StandardCharsets.UTF_8));
        }
        // Refused before decoding when even the decoded body (at least 3/4 of the text, less padding) is too large.
        refuseOver(body.length() / 4 * 3 - 2);
        try {
            return withinLimit(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException e) {
            throw new InvalidNotificationException("body", "is marked isBase64Encoded but is not valid base64");
        }
    }

    private byte[] withinLimit(byte[] body) {
        refuseOver(body.length);
        return body;
    }

    private void refuseOver(int size) {
        if (size > maxBodyBytes) {
            throw InvalidNotificationException.tooLarge("body", "is " + size + " bytes; at most " + maxBodyBytes
                    + " are accepted");
        }
    }
}
