package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.observability.EventShape;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises each way the function is invoked by the event's own discriminators, and unwraps the
 * notification from the envelopes alerting pipelines put around it.
 */
final class EventShapes {

    /** EventBridge into SNS into Lambda is the deepest nesting seen in practice. */
    private static final int MAX_ENVELOPES = 4;
    /** Members of other AWS events (SQS, S3, DynamoDB, CloudWatch Logs, WebSocket…); a notification has none. */
    private static final List<String> FOREIGN_EVENT_MEMBERS =
            List.of("Records", "requestContext", "awslogs", "eventSource", "eventSourceARN", "detail-type", "routeKey");

    sealed interface Invocation {

        /**
         * API Gateway HTTP API / Function URL (payload 2.0) or REST proxy (1.0).
         *
         * @param headers with lower-case names, as payload 2.0 sends them and 1.0 does not
         * @param path    the request path, {@code null} when the event has none (test consoles)
         */
        record Webhook(String method, String path, Map<String, String> headers, String body, boolean base64Encoded)
                implements Invocation {
        }

        /**
         * A report on every instance. EventBridge's "Scheduled Event" ({@link EventShape#SCHEDULED}, at its
         * {@code time}, else now) runs the audit, and the sweep when Campaign is configured; a direct
         * {@code {"action": "sweep"}} ({@link EventShape#SWEEP}) sweeps the control instance now. With
         * {@code scheduledAt} (the sweep's own schedule puts its event's time there) a sweep alerts the sweep period
         * ending then; without, nothing.
         */
        record Report(EventShape shape, Instant scheduledAt) implements Invocation {
        }

        /**
         * One or more notifications: direct, or unwrapped from EventBridge, SNS or CloudEvents envelopes.
         *
         * @param shape direct, EventBridge, SNS or CloudEvents, after the outermost envelope
         */
        record Notifications(EventShape shape, List<JsonNode> notifications) implements Invocation {
        }
    }

    /** An AWS event of a kind the function is not wired to (SQS, S3, a WebSocket…), not a malformed notification. */
    static final class UnsupportedEventException extends RuntimeException {
        UnsupportedEventException() {
            super("unsupported event shape", null, false, false);
        }
    }

    private final ObjectMapper mapper;

    EventShapes(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Invocation recognise(JsonNode event) {
        if (event.isTextual() && event.asText().strip().startsWith("{")) {
            // Some clients JSON-encode the notification twice.
            return recognise(parseJson(event.asText(), "event"));
        }
        // Payload 2.0 (HTTP API, Function URL) carries the method in requestContext.http, 1.0 (REST API) at the top.
        JsonNode http = event.path("requestContext").path("http");
        if (http.has("method") || event.path("httpMethod").isTextual()) {
            String method = http.has("method") ? http.path("method").asText() : event.path("httpMethod").asText();
            Map<String, String> headers = new HashMap<>();
            event.path("headers").fields().forEachRemaining(
                    h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().asText()));
            JsonNode body = event.path("body");
            // Payload 2.0's rawPath, else 1.0's path; asText(null) answers null for a member missing or null.
            String path = event.path("rawPath").asText(event.path("path").asText(null));
            // Test consoles sometimes send the body as a JSON object rather than the string gateways send.
            return new Invocation.Webhook(method, path, headers,
                    body.isContainerNode() ? body.toString() : body.asText(null),
                    event.path("isBase64Encoded").asBoolean(false));
        }
        // A rule's schedule sends source "aws.events"; Scheduler and hand-made test events may not: the type decides.
        if ("Scheduled Event".equals(event.path("detail-type").asText())) {
            Instant at = instantOrNull(event.path("time"));
            return new Invocation.Report(EventShape.SCHEDULED, at == null ? Instant.now() : at);
        }
        // {"action": "sweep"}, and nothing that could be a notification.
        if (event.isObject() && "sweep".equals(event.path("action").asText()) && !event.has("workflow")) {
            return new Invocation.Report(EventShape.SWEEP, instantOrNull(event.path("scheduledAt")));
        }
        return new Invocation.Notifications(envelopeOf(event), unwrap(event, 0));
    }

    /** An ISO-8601 instant such as EventBridge's {@code time}, else {@code null}. */
    private static Instant instantOrNull(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static EventShape envelopeOf(JsonNode event) {
        if (event.path("Records").isArray() || "Notification".equals(event.path("Type").asText())) {
            return EventShape.SNS;
        }
        if (event.hasNonNull("specversion")) {
            return EventShape.CLOUDEVENT;
        }
        return event.has("detail-type") && event.has("detail") ? EventShape.EVENTBRIDGE : EventShape.DIRECT;
    }

    /** The notifications inside an envelope (or the event itself when it is one). */
    List<JsonNode> unwrap(JsonNode node, int depth) {
        if (depth > MAX_ENVELOPES || node == null || !node.isObject()) {
            return List.of(node);
        }
        JsonNode records = node.path("Records");
        if (records.isArray() && !records.isEmpty() && "aws:sns".equals(records.get(0).path("EventSource").asText())) {
            List<JsonNode> notifications = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                String field = "Records[" + i + "].Sns.Message";
                notifications.addAll(unwrap(parseEmbedded(records.get(i).path("Sns").path("Message"), field), depth + 1));
            }
            return notifications;
        }
        if ("Notification".equals(node.path("Type").asText()) && node.path("Message").isTextual()) {
            // SNS delivering to an HTTPS subscription: the webhook body is the SNS message itself.
            return unwrap(parseEmbedded(node.get("Message"), "Message"), depth + 1);
        }
        if (node.hasNonNull("specversion") && (node.has("data") || node.has("data_base64"))) {
            JsonNode data = node.has("data") ? parseEmbedded(node.get("data"), "data") : base64Json(node.get("data_base64"));
            return unwrap(data, depth + 1);
        }
        if (node.has("detail-type") && node.has("detail")) {
            return unwrap(parseEmbedded(node.get("detail"), "detail"), depth + 1);
        }
        if (!node.has("workflow") && FOREIGN_EVENT_MEMBERS.stream().anyMatch(node::has)) {
            throw new UnsupportedEventException();
        }
        return List.of(node);
    }

    JsonNode parseJson(String text, String field) {
        // Windows tools save JSON with a byte-order mark; it is not part of the document.
        try (JsonParser parser = mapper.createParser(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null || node.isMissingNode()) {
                throw new InvalidNotificationException(field, "is empty: expected a JSON notification");
            }
            if (parser.nextToken() != null) {
                // Two documents, or one and the start of another: which one was meant is not guessed.
                JsonLocation at = parser.currentTokenLocation();
                throw new InvalidNotificationException(field, "has more after its JSON value (at line " + at.getLineNr()
                        + ", column " + at.getColumnNr() + "): expected one JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidNotificationException(field, "is not valid JSON (" + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()) + ")");
        } catch (IOException e) {
            // Read from a string: not expected, but not a reason to answer INTERNAL_ERROR either.
            throw new InvalidNotificationException(field, "could not be read (" + e.getMessage() + ")");
        }
    }

    /** Envelopes carry their payload as an object or as a JSON string (SNS always, EventBridge Scheduler sometimes). */
    private JsonNode parseEmbedded(JsonNode value, String field) {
        return value.isTextual() ? parseJson(value.asText(), field) : value;
    }

    private JsonNode base64Json(JsonNode value) {
        try {
            return parseJson(new String(Base64.getDecoder().decode(value.asText()), StandardCharsets.UTF_8),
                    "data_base64");
        } catch (IllegalArgumentException e) {
            throw new InvalidNotificationException("data_base64", "is not valid base64");
        }
    }
}
