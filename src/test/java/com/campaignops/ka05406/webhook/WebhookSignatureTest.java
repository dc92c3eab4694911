package com.campaignops.ka05406.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final byte[] CURRENT = "current-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PREVIOUS = "previous-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"workflow\":\"mcSynch_mcExec1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1_795_413_360L); // 2026-11-23T05:56:00Z, a Monday
    private static final String TIMESTAMP = Long.toString(NOW.getEpochSecond());

    private final WebhookSignature signature = new WebhookSignature(Duration.ofSeconds(300));

    @Test
    void signatureOfTheDocumentedExample_matchesOpensslOutput() {
        // printf '%s' '1700000000.{"workflow":"mcSynch_mcExec1"}' | openssl dgst -sha256 -hmac 'current-secret'
        assertThat(WebhookSignature.signatureOf(CURRENT, "1700000000", BODY))
                .isEqualTo("sha256=43bc7100ff7139ce298193fea85a768362fb67fd965ea247bfc2f324f6a00f75");
    }

    @Test
    void signatureWithTheCurrentOrThePreviousSecret_isValid() {
        assertThat(verify(WebhookSignature.signatureOf(CURRENT, TIMESTAMP, BODY))).isEqualTo(WebhookSignature.Check.VALID);
        assertThat(verify(WebhookSignature.signatureOf(PREVIOUS, TIMESTAMP, BODY))).isEqualTo(WebhookSignature.Check.VALID);
    }

    @Test
    void bareUpperCaseHexOrBase64_andSeveralSignaturesWhileTheCallerRotates_areAccepted() {
        String valid = WebhookSignature.signatureOf(CURRENT, TIMESTAMP, BODY);
        String other = WebhookSignature.signatureOf("another".getBytes(StandardCharsets.UTF_8), TIMESTAMP, BODY);

        assertThat(verify(valid.substring("sha256=".length()).toUpperCase())).isEqualTo(WebhookSignature.Check.VALID);
        assertThat(verify(other + ", " + valid)).isEqualTo(WebhookSignature.Check.VALID);
        byte[] digest = java.util.HexFormat.of().parseHex(valid.substring("sha256=".length()));
        assertThat(verify("sha256=" + java.util.Base64.getEncoder().encodeToString(digest)))
                .isEqualTo(WebhookSignature.Check.VALID);
    }

    @ParameterizedTest(name = "timestamp {0} → {1}")
    @CsvSource({
        "1795413360, VALID",      // now
        "1795413060, VALID",      // 300 s ago: inside the tolerance
        "1795413059, STALE",      // 301 s ago: a replay
        "1795413661, STALE",      // 301 s ahead
        "0,          STALE",
        "-1795413360, MALFORMED",
        "2026-11-23T05:56:00Z, MALFORMED",
        "1795413360.5, MALFORMED",
        "9999999999999, MALFORMED",
    })
    void timestamp_mustBeUnixSecondsWithinTheTolerance(String timestamp, WebhookSignature.Check expected) {
        String signed = WebhookSignature.signatureOf(CURRENT, timestamp, BODY);

        assertThat(signature.verify(timestamp, signed, BODY, List.of(CURRENT), NOW)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "signature \"{0}\" → MISMATCH")
    @CsvSource(value = {
        "sha256=", "sha256=zz", "md5=0123", "sha256=" + "00", "''",
        "sha256=0000000000000000000000000000000000000000000000000000000000000000",
    })
    void signatureThatIsNotAValidDigest_isAMismatch(String presented) {
        assertThat(verify(presented)).isEqualTo(WebhookSignature.Check.MISMATCH);
    }

    @Test
    void missingHeaders_areUnsigned() {
        assertThat(signature.verify(null, "sha256=00", BODY, List.of(CURRENT), NOW)).isEqualTo(WebhookSignature.Check.UNSIGNED);
        assertThat(signature.verify(TIMESTAMP, null, BODY, List.of(CURRENT), NOW)).isEqualTo(WebhookSignature.Check.UNSIGNED);
    }

    @Test
    void bodyChangedByOneByte_isAMismatch() {
        String signed = WebhookSignature.signatureOf(CURRENT, TIMESTAMP, BODY);
        byte[] tampered = BODY.clone();
        tampered[5] ^= 1;

        assertThat(signature.verify(TIMESTAMP, signed, tampered, List.of(CURRENT), NOW))
                .isEqualTo(WebhookSignature.Check.MISMATCH);
    }

    private WebhookSignature.Check verify(String presented) {
        return signature.verify(TIMESTAMP, presented, BODY, List.of(CURRENT, PREVIOUS), NOW);
    }
}
