package com.campaignops.ka05406.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Microsoft Teams Workflows ("Post to a channel when a webhook request is received") incoming webhook: the
 * documented envelope {@code {"type":"message","summary":…,"attachments":[{"contentType":
 * "application/vnd.microsoft.card.adaptive","contentUrl":null,"content":<Adaptive Card>}]}}. The card declares
 * schema version {@value #CARD_VERSION}, the lowest that has everything it uses: the title's {@code style: heading}
 * (1.5), the groups' {@code Container} styles {@code attention} and {@code warning} (1.2); TextBlock, Container and
 * Action.OpenUrl only. The plain-text {@code summary} and the card's {@code fallbackText} are the notification line.
 * Every string of the message is escaped for the card's Markdown, so report text cannot become a link, emphasis, a
 * list or a heading. Teams refuses messages over about 28 KB: the body is kept under {@value #MAX_BYTES} bytes by
 * showing fewer groups in full and naming the others.
 */
public final class TeamsChannel implements AlertChannel {

    public static final String CARD_VERSION = "1.5";
    public static final int MAX_BYTES = 27 * 1024;
    /** A finding too large to show whole (a huge reason) is cut to this many characters per text. */
    private static final int MAX_TEXT_CHARS = 1000;
    /** At the start, after any indent: a heading, a quote, a list ("-", "+", "1.", "1)") or a table mark. */
    private static final Pattern MARK = Pattern.compile("^(\\p{javaWhitespace}*)([#>+=|-])");
    private static final Pattern NUMBERED = Pattern.compile("^(\\p{javaWhitespace}*\\d{1,9})([.)])");

    private final ObjectMapper mapper;
    private final int maxGroups;

    public TeamsChannel(ObjectMapper mapper, int maxGroups) {
        this.mapper = mapper;
        this.maxGroups = Math.max(1, maxGroups);
    }

    @Override
    public byte[] body(AlertText text, List<Finding> findings, JsonNode report) {
        AlertMessage message = null;
        for (int shown = maxGroups; shown >= 1; shown--) {
            message = text.compose(findings, shown);
            byte[] body = AlertChannel.json(mapper, envelope(message, Integer.MAX_VALUE));
            if (body.length <= MAX_BYTES) {
                return body;
            }
            shown = Math.min(shown, message.groups().size());
        }
        // One group alone is too big (a huge reason): its texts are cut.
        return AlertChannel.json(mapper, envelope(message, MAX_TEXT_CHARS));
    }

    /**
     * How a group of a severity looks: its container style (background: red, amber, grey), its heading's text colour
     * and icon. The colour is red for failing, otherwise the default, because Teams' "Warning" foreground is a yellow
     * (#f8d22a in its light host config) that cannot be read on the warning container's amber.
     */
    private record Look(String style, String color, String icon) {
        static Look of(Finding.Severity severity) {
            return switch (severity) {
                case FAILING -> new Look("attention", "Attention", "\uD83D\uDD34");
                case AT_RISK -> new Look("warning", "Default", "\uD83D\uDFE0");
                case UNKNOWN -> new Look("emphasis", "Default", "\u2754");
            };
        }
    }

    private ObjectNode envelope(AlertMessage message, int maxChars) {
        ObjectNode root = mapper.createObjectNode().put("type", "message").put("summary", message.notification());
        ObjectNode card = root.putArray("attachments").addObject()
                .put("contentType", "application/vnd.microsoft.card.adaptive").putNull("contentUrl").putObject("content")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard")
                .put("version", CARD_VERSION).put("fallbackText", message.notification());
        card.putObject("msteams").put("width", "Full");
        ArrayNode body = card.putArray("body");
        text(body, escape(message.title())).put("style", "heading").put("size", "Large").put("weight", "Bolder");
        text(body, escape(message.summary())).put("isSubtle", true).put("spacing", "None");
        AlertMessage.Labels labels = message.labels();
        for (AlertMessage.Group group : message.groups()) {
            Look look = Look.of(group.severity());
            ArrayNode items = body.addObject().put("type", "Container").put("style", look.style())
                    .put("spacing", "Medium").putArray("items");
            text(items, look.icon() + " " + escape(AlertText.cut(group.heading(), maxChars)))
                    .put("weight", "Bolder").put("color", look.color());
            text(items, escape(AlertText.cut(group.what(), maxChars))).put("spacing", "Small");
            if (group.workflows() != null) {
                text(items, labelled(labels.workflows(), AlertText.cut(group.workflows(), maxChars)));
            }
            if (group.where() != null) {
                text(items, labelled(labels.where(), group.where()));
            }
            text(items, labelled(labels.change(), AlertText.cut(group.change(), maxChars)));
            if (group.why() != null) {
                text(items, escape(labels.why()) + " " + escape(group.why())).put("isSubtle", true).put("size", "Small");
            }
        }
        if (message.caveat() != null) {
            text(body, "\u26A0\uFE0F " + escape(message.caveat())).put("isSubtle", true).put("size", "Small");
        }
        if (message.more() != null) {
            text(body, escape(AlertText.cut(message.more(), maxChars))).put("isSubtle", true);
        }
        // Action titles are plain text, not Markdown.
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", labels.kbLink())
                .put("url", message.kbUrl());
        return root;
    }

    private static String labelled(String label, String value) {
        return "**" + escape(label) + "** " + escape(value);
    }

    private ObjectNode text(ArrayNode into, String markdown) {
        return into.addObject().put("type", "TextBlock").put("text", markdown).put("wrap", true);
    }

    /**
     * Text as it reads, in the card's Markdown: every character that could start a link, an image, emphasis, code,
     * strike-through, an HTML tag or an entity is backslash-escaped, and line breaks become spaces so nothing can
     * start a list, a heading or a quote mid-text; at the start, what would make the text a list, heading or quote
     * is escaped too.
     */
    public static String escape(String text) {
        String flat = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if ("\\`*_[]<&~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        Matcher mark = MARK.matcher(out);
        return (mark.find() ? mark : NUMBERED.matcher(out)).replaceFirst("$1\\\\$2");
    }
}
