package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.messages.Language;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structural rules of every Slack and Teams alert, over one finding, a mix, twelve, forty identical and hostile
 * report text, in every language: one fix per group, identical at-risk findings in one group, severities in order,
 * the notification naming the workflow and its new time when there are three findings or fewer, report text escaped
 * for Slack mrkdwn and for the card's Markdown, the card version being the lowest that has every feature used,
 * Block Kit's limits, the Teams body under 27 KiB, and a button that fits a 360 px phone.
 */
class AlertRulesTest {

    /** A 360 px phone fits about this many Latin characters on the card's button (a CJK character counts two). */
    static final int PHONE_BUTTON_CHARS = 24;
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    /** Report text an upstream answer or an on-demand caller could send: Markdown, mrkdwn and HTML. */
    private static final String HOSTILE = "[link](https://evil.example) **x** _y_ `z` ~~s~~ <b>&amp; <!channel>\n# h\n- i";

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (Language language : List.of(Language.EN, Language.FR, Language.JA, Language.DE)) {
            all.add(Arguments.of(language, "one at risk", Finding.toSend(SampleFindings.manyAtRisk(1))));
            all.add(Arguments.of(language, "twelve", twelve()));
            all.add(Arguments.of(language, "forty identical", Finding.toSend(SampleFindings.manyAtRisk(40))));
            all.add(Arguments.of(language, "hostile", hostile()));
        }
        return all.stream();
    }

    /** One failing, nine identical at risk, one at risk every 30 min, one unchecked: four groups. */
    static List<Finding> twelve() {
        List<Finding> findings = new ArrayList<>(Finding.toSend(SampleFindings.diagnosis(Verdict.MATCH), true));
        findings.addAll(Finding.toSend(SampleFindings.manyAtRisk(9)));
        findings.addAll(Finding.toSend(SampleFindings.report(SampleFindings.unknown("mcExecB"),
                SampleFindings.atRisk("mcExecH", 30))));
        return findings;
    }

    static List<Finding> hostile() {
        return List.of(new Finding(Finding.Kind.UNKNOWN, "mcSynch_*evil*", HOSTILE, SampleFindings.NOW, "UTC", null,
                null, null, HOSTILE, List.of(), null), new Finding(Finding.Kind.CAMPAIGN_UNREADABLE, "mcSynch_[a](b)",
                null, SampleFindings.NOW, "UTC", null, null, null, HOSTILE, List.of(), null));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("scenarios")
    void oneFixPerGroup_identicalAtRiskTogether_severitiesInOrder(Language language, String name, List<Finding> findings) {
        AlertMessage message = new AlertText(language).compose(findings, 10);

        long actions = findings.stream().map(f -> f.kind() == Finding.Kind.AT_RISK
                ? f.run() + f.restartAt() + f.fix().schedulerStart() + f.fix().everyMinutes() : f).distinct().count();
        assertThat(message.groups()).hasSize((int) actions);
        assertThat(message.groups()).extracting(AlertMessage.Group::change).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(message.groups()).extracting(AlertMessage.Group::severity).isSorted();
        for (AlertMessage.Group group : message.groups()) {
            // A list is said once: its fix says "each", the heading counts, the workflows are listed.
            assertThat(group.workflows() == null).isEqualTo(group.heading().contains("mcSynch_"));
        }
        assertThat(message.caveat() != null).isEqualTo(findings.stream().anyMatch(f -> f.fix() != null));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("scenarios")
    void theNotificationNamesEachWorkflowAndItsNewTime_whenThreeOrFewer(Language language, String name,
                                                                         List<Finding> findings) throws IOException {
        AlertText text = new AlertText(language);
        JsonNode slack = MAPPER.readTree(new SlackChannel(MAPPER, 10).body(text, findings, null));
        JsonNode teams = MAPPER.readTree(new TeamsChannel(MAPPER, 10).body(text, findings, null));

        String slackText = slack.path("text").asText();
        String teamsSummary = teams.path("summary").asText();
        assertThat(slackText).startsWith("KA-05406");
        assertThat(teamsSummary).startsWith("KA-05406").isEqualTo(teams.at("/attachments/0/content/fallbackText").asText());
        if (findings.size() <= 3) {
            for (Finding f : findings) {
                assertThat(teamsSummary).contains(f.workflow());
                assertThat(slackText).contains(SlackChannel.escape(f.workflow()));
                if (f.fix() != null) {
                    assertThat(teamsSummary).contains(f.fix().schedulerStart() + "", f.fix().timeZone());
                    assertThat(slackText).contains(f.fix().schedulerStart());
                }
            }
        } else {
            assertThat(slackText).contains(Integer.toString(findings.size()));
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("scenarios")
    void slack_isEscaped_andWithinBlockKitLimits(Language language, String name, List<Finding> findings)
            throws IOException {
        JsonNode slack = MAPPER.readTree(new SlackChannel(MAPPER, 10)
                .body(new AlertText(language), findings, null));

        assertBlockKit(slack);
        List<String> texts = new ArrayList<>(List.of(slack.path("text").asText()));
        slack.path("blocks").findValues("text").forEach(text -> texts.add(text.isTextual() ? text.asText()
                : text.path("text").asText()));
        for (String text : texts) {
            // The only raw < is our own link to the article; every & starts an entity.
            assertThat(text.replace("<" + AlertText.KB_URL + "|", "")).doesNotContain("<", ">".repeat(0) + "<!")
                    .doesNotContainPattern("&(?!(amp|lt|gt);)");
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("scenarios")
    void teams_isEscapedForMarkdown_declaresTheVersionItUses_fitsItsLimit_andAPhone(Language language, String name,
                                                                                     List<Finding> findings)
            throws IOException {
        byte[] body = new TeamsChannel(MAPPER, 10).body(new AlertText(language), findings, null);
        JsonNode card = MAPPER.readTree(body).at("/attachments/0/content");

        assertThat(body.length).isLessThanOrEqualTo(TeamsChannel.MAX_BYTES);
        assertThat(card.path("version").asText()).isEqualTo(lowestVersionFor(card));
        for (JsonNode block : textBlocks(card.path("body"))) {
            // Our own markup is a bold label at the start; everything else must be inert.
            String text = block.path("text").asText().replaceFirst("^\\*\\*[^*\\\\]+\\*\\* ", "");
            assertThat(text).as(text).doesNotContainPattern(UNESCAPED_MARKDOWN).doesNotContain("\n")
                    .doesNotContainPattern("^\\s*([#>+=|-]|\\d+[.)])");
        }
        String button = card.at("/actions/0/title").asText();
        assertThat(button.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum()).as(button)
                .isLessThanOrEqualTo(PHONE_BUTTON_CHARS);
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"EN", "FR", "JA", "DE", "IT", "SV", "EN_US"})
    void labelsCarryTheirLanguagesPunctuation(Language language) {
        AlertMessage.Labels labels = new AlertText(language).labels();
        for (String label : List.of(labels.workflows(), labels.where(), labels.change(), labels.why())) {
            switch (language) {
                case FR -> assertThat(label).endsWith("\u00a0:");
                case JA -> assertThat(label).endsWith("：");
                default -> assertThat(label).endsWith(":").doesNotEndWith(" :");
            }
        }
    }

    /** A Markdown character that is not backslash-escaped. */
    private static final Pattern UNESCAPED_MARKDOWN = Pattern.compile("(?<!\\\\)[\\[\\]*_`<&~]");

    /**
     * The lowest Adaptive Card version that has every element and property the card uses (adaptivecards.io schema
     * explorer). An element or property not in this table fails the test, so a new feature is a decision.
     */
    static String lowestVersionFor(JsonNode card) {
        Map<String, String> since = Map.of("TextBlock.style=heading", "1.5", "Container.style=attention", "1.2",
                "Container.style=warning", "1.2", "Container.style=good", "1.2", "Container.style=accent", "1.2",
                "Container.style=emphasis", "1.0", "Container.style=default", "1.0");
        Set<String> v10 = Set.of("TextBlock.text", "TextBlock.wrap", "TextBlock.size", "TextBlock.weight",
                "TextBlock.color", "TextBlock.isSubtle", "TextBlock.spacing", "TextBlock.separator", "Container.items",
                "Container.spacing", "Container.separator");
        String version = "1.0";
        List<JsonNode> elements = new ArrayList<>();
        collect(card.path("body"), elements);
        for (JsonNode element : elements) {
            String type = element.path("type").asText();
            for (Iterator<String> names = element.fieldNames(); names.hasNext(); ) {
                String property = names.next();
                if (property.equals("type")) {
                    continue;
                }
                String key = type + "." + property;
                String v = since.get(key + "=" + element.path(property).asText());
                if (v == null) {
                    assertThat(v10).as("a feature not in the version table: %s", key).contains(key);
                    v = "1.0";
                }
                version = v.compareTo(version) > 0 ? v : version;
            }
        }
        for (JsonNode action : card.path("actions")) {
            assertThat(action.path("type").asText()).isEqualTo("Action.OpenUrl");
        }
        return version;
    }

    private static void collect(JsonNode elements, List<JsonNode> into) {
        for (JsonNode element : elements) {
            into.add(element);
            collect(element.path("items"), into);
        }
    }

    private static List<JsonNode> textBlocks(JsonNode elements) {
        List<JsonNode> all = new ArrayList<>();
        collect(elements, all);
        return all.stream().filter(e -> e.path("type").asText().equals("TextBlock")).toList();
    }

    /** Slack's documented Block Kit limits, for the block types we use. */
    static void assertBlockKit(JsonNode payload) {
        assertThat(payload.path("text").asText()).isNotBlank().hasSizeLessThanOrEqualTo(SlackChannel.MAX_SECTION_CHARS);
        JsonNode blocks = payload.path("blocks");
        assertThat(blocks.size()).isBetween(1, SlackChannel.MAX_BLOCKS);
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).path("text").path("text").asText().length()).isBetween(1, SlackChannel.MAX_HEADER_CHARS);
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            assertThat(type).isIn("header", "section", "divider", "context");
            if (type.equals("section")) {
                assertThat(block.path("text").path("type").asText()).isEqualTo("mrkdwn");
                assertThat(block.path("text").path("text").asText().length()).isBetween(1, SlackChannel.MAX_SECTION_CHARS);
                assertThat(block.has("fields")).isFalse();
            }
            if (type.equals("context")) {
                assertThat(block.path("elements").size()).isBetween(1, 10); // Slack: at most 10 elements in a context block
                block.path("elements").forEach(e -> assertThat(e.path("text").asText().length())
                        .isBetween(1, SlackChannel.MAX_SECTION_CHARS));
            }
        }
    }
}
