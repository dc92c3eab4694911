package com.campaignops.ka05406.alerts;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only https URLs are posted to (http only to localhost), and the generic webhook is never sent unsigned. */
class ChannelTargetsTest {

    @Test
    void httpsUrls_areUsed_plainHttpOnlyToLocalhost() {
        assertThat(targets("https://hooks.slack.com/services/T/B/X", null).resolve(ChannelName.SLACK).url())
                .hasToString("https://hooks.slack.com/services/T/B/X");
        assertThat(targets("http://localhost:8089/hook", null).resolve(ChannelName.SLACK).url().getHost()).isEqualTo("localhost");
        assertThatThrownBy(() -> targets("http://hooks.slack.com/services/T/B/X", null).resolve(ChannelName.SLACK))
                .isInstanceOf(ChannelSender.Unavailable.class).hasMessage("the configured URL is not https")
                .message().doesNotContain("hooks.slack.com");
        assertThatThrownBy(() -> targets("ftp://example.com/x", null).resolve(ChannelName.SLACK))
                .isInstanceOf(ChannelSender.Unavailable.class);
    }

    @Test
    void theGenericWebhook_needsItsSigningSecret() {
        assertThatThrownBy(() -> targets(null, "https://receiver.example/hook").resolve(ChannelName.WEBHOOK))
                .isInstanceOf(ChannelSender.Unavailable.class).hasMessage("no signing secret configured");
        ChannelSender.Target signed = targets(null, "https://receiver.example/hook", "s3cret").resolve(ChannelName.WEBHOOK);
        assertThat(new String(signed.signingSecret(), StandardCharsets.UTF_8)).isEqualTo("s3cret");
    }

    private static ChannelSender targets(String slackUrl, String webhookUrl) {
        return targets(slackUrl, webhookUrl, null);
    }

    private static ChannelSender targets(String slackUrl, String webhookUrl, String signingSecret) {
        Map<String, Optional<String>> slack = Map.of("url", Optional.ofNullable(slackUrl));
        Map<String, Optional<String>> webhook = Map.of("url", Optional.ofNullable(webhookUrl),
                "signingSecret", Optional.ofNullable(signingSecret));
        AlertsConfig config = proxy(AlertsConfig.class, Map.of(
                "slack", proxy(AlertsConfig.Channel.class, slack),
                "teams", proxy(AlertsConfig.Channel.class, Map.of()),
                "webhook", proxy(AlertsConfig.SignedChannel.class, webhook),
                "secretCacheTtl", Duration.ofMinutes(5)));
        return new ChannelSender(config, null, null);
    }

    /** A configuration interface answering from a map; an absent optional setting is empty. */
    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, ?> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getReturnType() == Optional.class ? Optional.empty()
                        : null);
    }
}
