package com.campaignops.ka05406.alerts.slack;

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
 * A Slack incoming webhook: one Block Kit message. Slack's documented limits are kept by construction: at
 * most 50 blocks, a header's text at most 150 characters, a section's text at most 3,000, at most 10 fields of
 * at most 2,000 each, at most 10 elements in a context block. Findings beyond what fits are named in a last
 * context block, never dropped.
 */
public final class SlackChannel implements AlertChannel {

    public static final int MAX_BLOCKS = 50;
    public static final int MAX_HEADER_CHARS = 150;
    public static final int MAX_SECTION_CHARS = 3000;
    public static final int MAX_FIELD_CHARS = 2000;
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    /** header, summary, overflow, link; and per finding a divider, a section, a fix section and a context. */
    private static final int FIXED_BLOCKS = 4;
    private static final int BLOCKS_PER_FINDING = 4;
    /** The most findings one message shows in full: (50 - 4) / 4. */
    public static final int MAX_FINDINGS = (MAX_BLOCKS - FIXED_BLOCKS) / BLOCKS_PER_FINDING;

    private final ObjectMapper mapper;
    private final int maxFindings;

    public SlackChannel(ObjectMapper mapper, int maxFindings) {
        this.mapper = mapper;
        this.maxFindings = Math.max(1, Math.min(maxFindings, MAX_FINDINGS));
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public byte[] body(AlertComposer composer, List<Finding> findings, Object answer) {
        try {
            return mapper.writeValueAsBytes(payload(composer.compose(findings, maxFindings)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Block Kit payload not serialisable", e);
        }
    }

    ObjectNode payload(AlertMessage message) {
        ObjectNode root = mapper.createObjectNode();
        // The notification text, and what clients that cannot show blocks show.
        root.put("text", cut(message.oneLine(), MAX_SECTION_CHARS));
        root.put("unfurl_links", false);
        ArrayNode blocks = root.putArray("blocks");
        blocks.addObject().put("type", "header").set("text", plain(cut(message.title(), MAX_HEADER_CHARS)));
        section(blocks, escape(message.summary()));
        for (AlertMessage.Item item : message.items()) {
            blocks.addObject().put("type", "divider");
            ObjectNode finding = section(blocks, "*" + escape(item.heading()) + "*\n" + escape(item.verdict()));
            ArrayNode fields = finding.putArray("fields");
            item.facts().stream().limit(MAX_CONTEXT_ELEMENTS).forEach(fact -> fields.add(mrkdwn(
                    cut("*" + escape(fact.label()) + "*\n" + escape(fact.value()), MAX_FIELD_CHARS))));
            StringBuilder fix = new StringBuilder();
            if (item.fix() != null) {
                fix.append("*").append(escape(message.labels().fix())).append(":* ").append(escape(item.fix()));
            }
            if (item.caveat() != null) {
                fix.append(fix.isEmpty() ? "" : "\n").append("_").append(escape(message.labels().caveat())).append(":_ ")
                        .append(escape(item.caveat()));
            }
            if (!fix.isEmpty()) {
                section(blocks, fix.toString());
            }
            ArrayNode evidence = blocks.addObject().put("type", "context").putArray("elements");
            evidence.add(mrkdwn("*" + escape(message.labels().evidence()) + "*"));
            item.evidence().stream().limit(MAX_CONTEXT_ELEMENTS - 1)
                    .forEach(line -> evidence.add(mrkdwn(cut("• " + escape(line), MAX_SECTION_CHARS))));
        }
        if (message.more() != null) {
            blocks.addObject().put("type", "context").putArray("elements")
                    .add(mrkdwn(cut(escape(message.more()), MAX_SECTION_CHARS)));
        }
        section(blocks, "<" + message.kbUrl() + "|" + escape(message.labels().kbLink()) + ">");
        return root;
    }

    private ObjectNode section(ArrayNode blocks, String mrkdwn) {
        ObjectNode section = blocks.addObject().put("type", "section");
        section.set("text", mrkdwn(cut(mrkdwn, MAX_SECTION_CHARS)));
        return section;
    }

    private ObjectNode mrkdwn(String text) {
        return mapper.createObjectNode().put("type", "mrkdwn").put("text", text);
    }

    private ObjectNode plain(String text) {
        return mapper.createObjectNode().put("type", "plain_text").put("text", text).put("emoji", false);
    }

    /** Slack's mrkdwn reserves &, < and >: text from a report (a journal line) must not become a link or a mention. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
