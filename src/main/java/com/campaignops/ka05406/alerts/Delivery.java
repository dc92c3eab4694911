package com.campaignops.ka05406.alerts;

/**
 * What became of one channel's alert, as the report records it in {@code alerts[]}.
 *
 * @param status "HTTP 200", or why not: "HTTP 503 after 2 attempts", "timeout after 2 attempts", "not sent: …".
 *               Never a URL, a header or a secret.
 */
public record Delivery(ChannelName channel, boolean delivered, String status) {
}
