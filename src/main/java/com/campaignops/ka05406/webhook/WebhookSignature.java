package com.campaignops.ka05406.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Verifies a webhook request's HMAC-SHA256 signature over {@code <timestamp>.<raw body>}. The timestamp
 * is signed too, so a captured request cannot be replayed once it is older than the tolerance.
 *
 * @param tolerance how far a request's timestamp may be from the clock, either way
 */
public record WebhookSignature(Duration tolerance) {

    /** Unix time in seconds at which the caller signed the request. */
    public static final String TIMESTAMP_HEADER = "x-webhook-timestamp";
    /** {@code sha256=<hex>}; several, comma-separated, while a caller rotates its own secret. */
    public static final String SIGNATURE_HEADER = "x-webhook-signature";

    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{1,12}");
    private static final String SCHEME = "sha256=";
    private static final int MAX_PRESENTED = 4;

    /** Why a request was accepted or not: for the function's log only, never for the caller. */
    public enum Check { VALID, UNSIGNED, MALFORMED, STALE, MISMATCH }

    /**
     * @param secrets every secret currently accepted (the current one and, while rotating, the previous)
     * @return {@link Check#VALID} when one presented signature matches one secret within the tolerance
     */
    public Check verify(String timestamp, String signatures, byte[] body, List<byte[]> secrets, Instant now) {
        if (timestamp == null || signatures == null) {
            return Check.UNSIGNED;
        }
        String signedAt = timestamp.strip();
        if (!UNIX_SECONDS.matcher(signedAt).matches()) {
            return Check.MALFORMED;
        }
        if (Duration.between(Instant.ofEpochSecond(Long.parseLong(signedAt)), now).abs().compareTo(tolerance) > 0) {
            return Check.STALE;
        }
        List<byte[]> expected = secrets.stream().map(secret -> sign(secret, signedAt, body)).toList();
        boolean matched = false;
        String[] presented = signatures.split(",", MAX_PRESENTED + 1);
        for (int i = 0; i < Math.min(presented.length, MAX_PRESENTED); i++) {
            byte[] candidate = decode(presented[i].strip());
            for (byte[] digest : expected) {
                // Constant-time, and no early exit: timing tells nothing about which part matched.
                matched |= candidate != null && MessageDigest.isEqual(candidate, digest);
            }
        }
        return matched ? Check.VALID : Check.MISMATCH;
    }

    /** The signature a caller sends for this timestamp and body, as {@code sha256=<hex>}. */
    public static String signatureOf(byte[] secret, String timestamp, byte[] body) {
        return SCHEME + HexFormat.of().formatHex(sign(secret, timestamp, body));
    }

    private static byte[] sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] decode(String signature) {
        String hex = signature.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                ? signature.substring(SCHEME.length()) : signature;
        try {
            if (hex.length() == 64) {
                return HexFormat.of().parseHex(hex);
            }
            // Some senders encode the digest in base64 (44 characters) rather than hex.
            byte[] digest = hex.length() == 44 ? Base64.getDecoder().decode(hex) : null;
            return digest != null && digest.length == 32 ? digest : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
