package com.campaignops.ka05406.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How one kind of receiver wants an alert: its body, within its own size limits, and any headers. */
public interface AlertChannel {

    /**
     * The request body for these findings; the channel decides how many groups are shown in full.
     *
     * @param report the answer the findings came from, as it is answered (serialised once, by the dispatcher)
     */
    byte[] body(AlertText text, List<Finding> findings, JsonNode report);

    /** Headers to add, e.g. a signature over {@code body}; {@code signingSecret} is null for unsigned channels. */
    default Map<String, String> headers(byte[] body, byte[] signingSecret, Instant now) {
        return Map.of();
    }

    /** A tree of plain nodes always serialises: a failure here is a bug, reported as an unexpected one. */
    static byte[] json(ObjectMapper mapper, JsonNode payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload not serialisable", e);
        }
    }
}
