package com.campaignops.ka05406.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.campaignops.ka05406.alerts.ChannelSender.retryAfter;
import static org.assertj.core.api.Assertions.assertThat;

/** Retry-After as receivers send it: seconds, or an HTTP date (RFC 9110), read against the clock. */
class ChannelSenderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T07:15:00Z");

    @Test
    void retryAfter_inSeconds_orAsAnHttpDate_orAbsentOrUnreadable() {
        assertThat(retryAfter("2", NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retryAfter(" 120 ", NOW)).isEqualTo(Duration.ofSeconds(120));
        assertThat(retryAfter("Sun, 22 Nov 2026 07:15:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retryAfter("Sun, 22 Nov 2026 07:14:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        assertThat(retryAfter("soon", NOW)).isNull();
        assertThat(retryAfter("", NOW)).isNull();
        assertThat(retryAfter(null, NOW)).isNull();
    }
}
