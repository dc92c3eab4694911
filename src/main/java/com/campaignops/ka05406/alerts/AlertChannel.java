package com.campaignops.ka05406.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How one kind of receiver wants an alert: its body, within its own size limits, and any headers. */
public interface AlertChannel {

    /** As recorded in the report's {@code alerts[].channel}: slack, teams, webhook. */
    String name();

    /** The request body for these findings; the channel decides how many are shown in full. */
    byte[] body(AlertComposer composer, List<Finding> findings, Object answer);

    /** Headers to add, e.g. a signature over {@code body}; {@code signingSecret} is null for unsigned channels. */
    default Map<String, String> headers(byte[] body, byte[] signingSecret, Instant now) {
        return Map.of();
    }
}
