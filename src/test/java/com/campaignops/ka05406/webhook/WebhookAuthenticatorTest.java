package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.SignedWebhooks;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.config.TestSettings;
import com.campaignops.ka05406.secrets.SecretStore;
import com.campaignops.ka05406.secrets.SecretUnavailableException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may open the webhook, decided without starting the application: with no secret configured anywhere it is
 * closed to every call, signed or not, unless the explicit development flag (and only it) opens it. The 401 and
 * its headers for a refusal are checked end to end in WebhookAuthenticationTest; direct invocations and
 * EventBridge never reach this check (IAM authorises them).
 */
class WebhookAuthenticatorTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final byte[] BODY = "{\"workflow\":\"mcSynch_mcExec1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void withoutAConfiguredSecret_everyCallIsRefused_signedOrNot() {
        WebhookAuthenticator closed = authenticator(Map.of("restart-check.webhook.secret", ""));

        assertThat(closed.check(Map.of(), BODY)).isEqualTo(WebhookAuthenticator.Outcome.REFUSED);
        assertThat(closed.check(signed("any-guess"), BODY)).isEqualTo(WebhookAuthenticator.Outcome.REFUSED);
        assertThat(closed.check(signed(SignedWebhooks.SECRET), BODY)).isEqualTo(WebhookAuthenticator.Outcome.REFUSED);
    }

    @Test
    void developmentFlag_opensAWebhookThatHasNoSecret() {
        WebhookAuthenticator open = authenticator(Map.of("restart-check.webhook.allow-unsigned", "true"));

        assertThat(open.check(Map.of(), BODY)).isEqualTo(WebhookAuthenticator.Outcome.ACCEPTED);
    }

    @Test
    void developmentFlag_opensNothing_onceASecretIsConfigured() {
        WebhookAuthenticator guarded = authenticator(Map.of("restart-check.webhook.allow-unsigned", "true",
                "restart-check.webhook.secret", SignedWebhooks.SECRET));

        assertThat(guarded.check(Map.of(), BODY)).isEqualTo(WebhookAuthenticator.Outcome.REFUSED);
        assertThat(guarded.check(signed("any-guess"), BODY)).isEqualTo(WebhookAuthenticator.Outcome.REFUSED);
        assertThat(guarded.check(signed(SignedWebhooks.SECRET), BODY)).isEqualTo(WebhookAuthenticator.Outcome.ACCEPTED);
    }

    /** Issue 19, item 3: the same signed request again, inside the window, is answered but marked a replay. */
    @Test
    void theSameSignedRequestAgain_isAReplay_whileAFreshOneIsNot() {
        WebhookAuthenticator guarded = authenticator(Map.of("restart-check.webhook.secret", SignedWebhooks.SECRET));

        assertThat(guarded.check(signed(SignedWebhooks.SECRET), BODY)).isEqualTo(WebhookAuthenticator.Outcome.ACCEPTED);
        assertThat(guarded.check(signed(SignedWebhooks.SECRET), BODY)).isEqualTo(WebhookAuthenticator.Outcome.REPLAYED);
        byte[] other = "{\"workflow\": \"mcSynch_mcExec2\"}".getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(NOW.getEpochSecond());
        assertThat(guarded.check(Map.of(WebhookSignature.TIMESTAMP_HEADER, timestamp, WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.signatureOf(SignedWebhooks.SECRET.getBytes(StandardCharsets.UTF_8), timestamp, other)),
                other)).isEqualTo(WebhookAuthenticator.Outcome.ACCEPTED);
    }

    private static Map<String, String> signed(String secret) {
        String timestamp = Long.toString(NOW.getEpochSecond());
        return Map.of(WebhookSignature.TIMESTAMP_HEADER, timestamp, WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.signatureOf(secret.getBytes(StandardCharsets.UTF_8), timestamp, BODY));
    }

    private static WebhookAuthenticator authenticator(Map<String, String> settings) {
        RestartCheckConfig config = TestSettings.of(new HashMap<>(settings));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new WebhookAuthenticator(new WebhookSecrets(config, new SecretStore(ref -> {
            throw new SecretUnavailableException("no store in this test");
        }, new ObjectMapper(), clock)),
                config, clock);
    }
}
