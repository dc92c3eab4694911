package com.campaignops.ka05406.restart.http;

import com.campaignops.ka05406.outbound.CallFailure;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.time.CampaignTimestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads restart times from a JSON endpoint: the value at a JSON pointer is an instant (ISO-8601 or
 * Campaign's format), epoch seconds or milliseconds, or a list of those.
 */
final class JsonRestartParser {

    /** The restarts at {@code pointer}, with the offset they were written with when they all name the same one. */
    static RestartFetch.Observed parse(ObjectMapper mapper, String body, String pointer) {
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new CallFailure.Permanent("the body is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new CallFailure.Permanent("the body is empty");
        }
        JsonNode value;
        try {
            value = root.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            throw new CallFailure.Permanent("the configured json-pointer '" + pointer
                    + "' is not a JSON pointer (it starts with /, e.g. /lastRestart)");
        }
        if (value.isMissingNode() || value.isNull()) {
            throw new CallFailure.Permanent("no value at JSON pointer " + pointer);
        }
        List<Instant> restarts = new ArrayList<>();
        Set<ZoneOffset> offsets = new HashSet<>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            restarts.add(instant(item, pointer));
            offsets.add(writtenOffset(item));
        }
        ZoneOffset serverOffset = offsets.size() == 1 ? offsets.iterator().next() : null;
        return new RestartFetch.Observed(RestartSource.HTTP_JSON, restarts, serverOffset);
    }

    /**
     * The numeric offset a text time was written with ({@code 2025-10-27T07:00:02+01:00}): a server writing its local
     * time says its offset. {@code null} for Z or UTC, which converted times carry too, and for epoch numbers.
     */
    private static ZoneOffset writtenOffset(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        CampaignTimestamps.Written written = CampaignTimestamps.readAt(node.asText().strip(), 0);
        return written == null || written.offset() == null || written.offset().equals("Z")
                || written.offset().equals("UTC") ? null : CampaignTimestamps.offsetOf(written.offset());
    }

    private static Instant instant(JsonNode node, String pointer) {
        try {
            if (node.isNumber() || node.isTextual()) {
                return node.isFloatingPointNumber() ? CampaignTimestamps.fromFractionalEpoch(node.asDouble())
                        : node.isNumber() ? CampaignTimestamps.fromEpoch(node.asLong())
                        : CampaignTimestamps.fromText(node.asText());
            }
        } catch (DateTimeException e) {
            throw new CallFailure.Permanent("the value at " + pointer + " is not a restart time: " + e.getMessage());
        }
        throw new CallFailure.Permanent("the value at " + pointer + " is not a restart time: " + node.getNodeType());
    }
}
