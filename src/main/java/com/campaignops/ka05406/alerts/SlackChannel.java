package com.campaignops.ka05406.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A Slack incoming webhook: one Block Kit message of {@code header}, {@code section}, {@code divider} and
 * {@code context} blocks. Per group: a divider, what happens (severity icon and heading in bold), what to do (the
 * workflows, where, the fix) and why in a context line; the caveat once. Slack's documented limits are kept by
 * construction: at most 50 blocks, a header's text at most 150 characters, a section's text at most 3,000, at most
 * 10 elements in a context block. Groups beyond what fits are named in a last context block, never dropped. Every
 * mrkdwn string from the message, the top-level {@code text} included, is escaped; the header is plain text.
 */
public final class SlackChannel implements AlertChannel {

    public static final int MAX_BLOCKS = 50;
    public static final int MAX_HEADER_CHARS = 150;
    public static final int MAX_SECTION_CHARS = 3000;
    /**
     * The most groups one message shows in full: the blocks but 5 (header, summary, caveat, overflow, link), 4 per
     * group (a divider, two sections and a context).
     */
    public static final int MAX_GROUPS = (MAX_BLOCKS - 5) / 4;

    private final ObjectMapper mapper;
    private final int maxGroups;

    public SlackChannel(ObjectMapper mapper, int maxGroups) {
        this.mapper = mapper;
        this.maxGroups = Math.max(1, Math.min(maxGroups, MAX_GROUPS));
    }

    @Override
    public byte[] body(AlertText text, List<Finding> findings, JsonNode report) {
        return AlertChannel.json(mapper, payload(text.compose(findings, maxGroups)));
    }

    /** The emoji Slack shows before a group's heading: red failing, orange at risk, a grey question mark unknown. */
    private static String icon(Finding.Severity severity) {
        return switch (severity) {
            case FAILING -> ":red_circle:";
            case AT_RISK -> ":large_orange_circle:";
            case UNKNOWN -> ":grey_question:";
        };
    }

    private ObjectNode payload(AlertMessage message) {
        // The notification a phone shows, and what clients that cannot show blocks show: mrkdwn too, so escaped.
        ObjectNode root = mapper.createObjectNode()
                .put("text", AlertText.cut(escape(message.notification()), MAX_SECTION_CHARS))
                .put("unfurl_links", false);
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject().put("type", "header").putObject("text").put("type", "plain_text")
                .put("text", AlertText.cut(message.title(), MAX_HEADER_CHARS)).put("emoji", false);
        section(blocks, escape(message.summary()));
        AlertMessage.Labels labels = message.labels();
        for (AlertMessage.Group group : message.groups()) {
            blocks.addObject().put("type", "divider");
            section(blocks, icon(group.severity()) + " *" + escape(group.heading()) + "*\n" + escape(group.what()));
            StringBuilder act = new StringBuilder();
            if (group.workflows() != null) {
                act.append(labelled(labels.workflows(), group.workflows())).append('\n');
            }
            if (group.where() != null) {
                act.append(labelled(labels.where(), group.where())).append('\n');
            }
            act.append(labelled(labels.change(), group.change()));
            section(blocks, act.toString());
            if (group.why() != null) {
                context(blocks, escape(labels.why()) + " " + escape(group.why()));
            }
        }
        if (message.caveat() != null) {
            context(blocks, ":warning: " + escape(message.caveat()));
        }
        if (message.more() != null) {
            context(blocks, escape(message.more()));
        }
        section(blocks, "<" + message.kbUrl() + "|" + escape(labels.kbLink()) + ">");
        return root;
    }

    /** A bold label (its punctuation is the language's, inside the bold) and its escaped value. */
    private static String labelled(String label, String value) {
        return "*" + escape(label) + "* " + escape(value);
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        mrkdwn(blocks.addObject().put("type", "section").putObject("text"), mrkdwn);
    }

    private static void context(ArrayNode blocks, String mrkdwn) {
        mrkdwn(blocks.addObject().put("type", "context").putArray("elements").addObject(), mrkdwn);
    }

    private static void mrkdwn(ObjectNode into, String text) {
        into.put("type", "mrkdwn").put("text", AlertText.cut(text, MAX_SECTION_CHARS));
    }

    /** Slack's mrkdwn reserves &, < and >: text from a report must not become a link or a mention. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
