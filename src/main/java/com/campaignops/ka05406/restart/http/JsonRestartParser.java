package com.campaignops.ka05406.restart.http;

import com.campaignops.ka05406.time.CampaignTimestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads restart times from a JSON endpoint: the value at a JSON pointer is an instant (ISO-8601 or
 * Campaign's format), epoch seconds or milliseconds, or a list of those.
 */
final class JsonRestartParser {

    private final ObjectMapper mapper;

    JsonRestartParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<Instant> parse(String body, String pointer) throws UnreadableBodyException {
        JsonNode root;
        try {
            root = mapper.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new UnreadableBodyException("the body is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new UnreadableBodyException("the body is empty");
        }
        JsonNode value;
        try {
            value = root.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            throw new UnreadableBodyException("the configured json-pointer '" + pointer
                    + "' is not a JSON pointer (it starts with /, e.g. /lastRestart)");
        }
        if (value.isMissingNode() || value.isNull()) {
            throw new UnreadableBodyException("no value at JSON pointer " + pointer);
        }
        List<Instant> restarts = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                restarts.add(instant(item, pointer));
            }
        } else {
            restarts.add(instant(value, pointer));
        }
        return restarts;
    }

    private static Instant instant(JsonNode node, String pointer) throws UnreadableBodyException {
        try {
            if (node.isNumber() || node.isTextual()) {
                return node.isFloatingPointNumber() ? CampaignTimestamps.fromFractionalEpoch(node.asDouble())
                        : node.isNumber() ? CampaignTimestamps.fromEpoch(node.asLong())
                        : CampaignTimestamps.fromText(node.asText(), null);
            }
        } catch (DateTimeException e) {
            throw new UnreadableBodyException("the value at " + pointer + " is not a restart time: " + e.getMessage());
        }
        throw new UnreadableBodyException("the value at " + pointer + " is not a restart time: " + node.getNodeType());
    }
}
