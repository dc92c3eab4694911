package com.campaignops.ka05406.alerts;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What became of one channel's alert, as the report records it in {@code alerts[]}.
 *
 * @param delivered {@code true}, {@code false}, or {@code "unconfirmed"}: posted, but no answer came (a timeout), so
 *                  the message may have arrived; it is not posted again
 * @param status    "HTTP 200", or why not: "HTTP 503 after 2 attempts", "timeout: …", "not sent: out of time".
 *                  Never a URL, a header or a secret.
 */
public record Delivery(ChannelName channel, Delivered delivered, String status) {

    public enum Delivered {
        YES, NO, UNCONFIRMED;

        @JsonValue
        Object json() {
            return this == UNCONFIRMED ? "unconfirmed" : this == YES;
        }
    }

    /** Known to have arrived. */
    public boolean sent() {
        return delivered == Delivered.YES;
    }
}
