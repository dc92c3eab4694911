package com.campaignops.ka05406.alerts.teams;

import com.campaignops.ka05406.alerts.AlertChannel;
import com.campaignops.ka05406.alerts.AlertComposer;
import com.campaignops.ka05406.alerts.AlertMessage;
import com.campaignops.ka05406.alerts.Finding;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A Microsoft Teams Workflows ("Post to a channel when a webhook request is received") incoming webhook: the
 * documented envelope {@code {"type":"message","attachments":[{"contentType":
 * "application/vnd.microsoft.card.adaptive","contentUrl":null,"content":<Adaptive Card>}]}}. The card is
 * Adaptive Card schema version {@value #CARD_VERSION} (TextBlock, FactSet, Container, Action.OpenUrl only),
 * which Teams renders on desktop, web and mobile. Teams refuses messages over about 28 KB: the body is kept
 * under {@value #MAX_BYTES} bytes by showing fewer findings in full and naming the others.
 */
public final class TeamsChannel implements AlertChannel {

    public static final String CARD_VERSION = "1.4";
    public static final String CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
    public static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    public static final int MAX_BYTES = 27 * 1024;

    private final ObjectMapper mapper;
    private final int maxFindings;

    public TeamsChannel(ObjectMapper mapper, int maxFindings) {
        this.mapper = mapper;
        this.maxFindings = Math.max(1, maxFindings);
    }

    @Override
    public String name() {
        return "teams";
    }

    @Override
    public byte[] body(AlertComposer composer, List<Finding> findings, Object answer) {
        try {
            byte[] body = null;
            for (int shown = Math.min(maxFindings, findings.size()); shown >= 1; shown--) {
                body = mapper.writeValueAsBytes(envelope(composer.compose(findings, shown)));
                if (body.length <= MAX_BYTES) {
                    return body;
                }
            }
            // One finding alone is too big (a huge evidence line): the card is cut to its header and the rest.
            return mapper.writeValueAsBytes(envelope(trimmed(composer.compose(findings, 1))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Adaptive Card not serialisable", e);
        }
    }

    ObjectNode envelope(AlertMessage message) {
        ObjectNode root = mapper.createObjectNode().put("type", "message");
        ObjectNode attachment = root.putArray("attachments").addObject().put("contentType", CONTENT_TYPE);
        attachment.putNull("contentUrl");
        attachment.set("content", card(message));
        return root;
    }

    private ObjectNode card(AlertMessage message) {
        ObjectNode card = mapper.createObjectNode().put("$schema", CARD_SCHEMA).put("type", "AdaptiveCard")
                .put("version", CARD_VERSION);
        card.putObject("msteams").put("width", "Full");
        ArrayNode body = card.putArray("body");
        text(body, message.title()).put("size", "Large").put("weight", "Bolder").put("style", "heading");
        text(body, message.summary());
        for (AlertMessage.Item item : message.items()) {
            ObjectNode container = body.addObject().put("type", "Container").put("separator", true)
                    .put("spacing", "Medium");
            ArrayNode items = container.putArray("items");
            text(items, item.heading()).put("weight", "Bolder");
            text(items, item.verdict());
            ArrayNode facts = items.addObject().put("type", "FactSet").putArray("facts");
            item.facts().forEach(fact -> facts.addObject().put("title", fact.label()).put("value", fact.value()));
            if (item.fix() != null) {
                text(items, "**" + message.labels().fix() + ":** " + item.fix());
            }
            if (item.caveat() != null) {
                text(items, message.labels().caveat() + ": " + item.caveat()).put("isSubtle", true);
            }
            if (!item.evidence().isEmpty()) {
                text(items, message.labels().evidence() + ":\n- " + String.join("\n- ", item.evidence()))
                        .put("isSubtle", true).put("size", "Small");
            }
        }
        if (message.more() != null) {
            text(body, message.more()).put("isSubtle", true);
        }
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", message.labels().kbLink())
                .put("url", message.kbUrl());
        return card;
    }

    private ObjectNode text(ArrayNode into, String text) {
        return into.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    /** The first finding with its evidence cut short, for a finding too large to show whole. */
    private static AlertMessage trimmed(AlertMessage message) {
        AlertMessage.Item item = message.items().get(0);
        List<String> evidence = item.evidence().stream().map(line -> line.length() > 500 ? line.substring(0, 499) + "…" : line)
                .toList();
        AlertMessage.Item cut = new AlertMessage.Item(item.heading(), item.verdict(), item.facts(), evidence, item.fix(),
                item.caveat());
        return new AlertMessage(message.title(), message.summary(), message.oneLine(), List.of(cut), message.more(),
                message.labels(),
                message.kbUrl());
    }
}
