package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A generic JSON webhook (PagerDuty, Opsgenie, a ticketing system behind a small adapter): the whole answer as
 * JSON, with every finding and the message's title, signed like calls to our own webhook, so the receiver can
 * verify it: {@code X-Webhook-Timestamp} (Unix seconds) and {@code X-Webhook-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of {@code <timestamp>.<body>}.
 *
 * <pre>{"knownIssue": "KA-05406", "title": "…", "summary": "…", "notification": "…",
 *  "findings": [{"kind": "AT_RISK", …}], "report": {…the audit report or the verdict, as the function answers it…}}</pre>
 */
public final class WebhookChannel implements AlertChannel {

    static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    static final String SIGNATURE_HEADER = "X-Webhook-Signature";

    private final ObjectMapper mapper;

    public WebhookChannel(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public byte[] body(AlertText text, List<Finding> findings, JsonNode report) {
        AlertMessage message = text.compose(findings, Integer.MAX_VALUE);
        ObjectNode root = mapper.createObjectNode().put("knownIssue", "KA-05406").put("title", message.title())
                .put("summary", message.summary()).put("notification", message.notification());
        root.set("findings", mapper.valueToTree(findings));
        root.set("report", report);
        return AlertChannel.json(mapper, root);
    }

    @Override
    public Map<String, String> headers(byte[] body, byte[] signingSecret, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        return Map.of(TIMESTAMP_HEADER, timestamp,
                SIGNATURE_HEADER, WebhookSignature.signatureOf(signingSecret, timestamp, body));
    }
}
