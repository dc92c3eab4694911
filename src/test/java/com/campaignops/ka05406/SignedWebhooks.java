package com.campaignops.ka05406;

import com.campaignops.ka05406.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;

/** Adds the signature headers a webhook caller sends, as the README's openssl example computes them. */
public final class SignedWebhooks {

    /** The test profile's secret (application.properties, %test). */
    public static final String SECRET = "test-only-webhook-secret-7d1e4c0a9b";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SignedWebhooks() {
    }

    public static String signedFile(String eventFile) {
        try {
            return signed(Files.readString(Path.of(eventFile)), SECRET, Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String signed(String event) {
        return signed(event, SECRET, Instant.now());
    }

    /** The event with {@code x-webhook-timestamp} and {@code x-webhook-signature} set for its body. */
    public static String signed(String event, String secret, Instant signedAt) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(event);
            String body = node.path("body").asText("");
            byte[] raw = node.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
            String timestamp = Long.toString(signedAt.getEpochSecond());
            ObjectNode headers = node.has("headers") && node.get("headers").isObject()
                    ? (ObjectNode) node.get("headers") : node.putObject("headers");
            headers.put(WebhookSignature.TIMESTAMP_HEADER, timestamp);
            headers.put(WebhookSignature.SIGNATURE_HEADER,
                    WebhookSignature.signatureOf(secret.getBytes(StandardCharsets.UTF_8), timestamp, raw));
            return node.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
