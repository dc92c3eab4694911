package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.alerts.slack.SlackChannel;
import com.campaignops.ka05406.alerts.teams.TeamsChannel;
import com.campaignops.ka05406.alerts.webhook.WebhookChannel;
import com.campaignops.ka05406.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payloads against each receiver's documented format: Slack Block Kit (block types and limits), the Teams
 * Workflows envelope around an Adaptive Card of the declared schema version (and the ~28 KB limit), and the
 * generic webhook's JSON and HMAC signature, verifiable with our own webhook's verifier.
 */
class ChannelPayloadsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Set<String> SLACK_BLOCK_TYPES = Set.of("header", "section", "divider", "context");
    private static final Set<String> CARD_ELEMENTS = Set.of("TextBlock", "FactSet", "Container");

    private final AlertComposer composer = new AlertComposer(AlertText.english());

    @ParameterizedTest(name = "{0} findings")
    @ValueSource(ints = {1, 3, 11, 12, 40})
    void slack_isBlockKit_withinEveryDocumentedLimit_andNamesWhatDidNotFit(int count) throws IOException {
        List<Finding> findings = FindingSources.toSend(SampleFindings.manyAtRisk(count), false);

        JsonNode payload = MAPPER.readTree(new SlackChannel(MAPPER, 50).body(composer, findings, null));

        assertThat(payload.path("text").asText()).startsWith("KA-05406: ");
        JsonNode blocks = payload.path("blocks");
        assertThat(blocks.size()).isBetween(1, SlackChannel.MAX_BLOCKS);
        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).path("text").path("text").asText().length()).isLessThanOrEqualTo(150);
        for (JsonNode block : blocks) {
            assertThat(block.path("type").asText()).isIn(SLACK_BLOCK_TYPES);
            if (block.path("type").asText().equals("section")) {
                assertThat(block.path("text").path("type").asText()).isEqualTo("mrkdwn");
                assertThat(block.path("text").path("text").asText().length()).isBetween(1, 3000);
                assertThat(block.path("fields").size()).isLessThanOrEqualTo(10);
                block.path("fields").forEach(f -> assertThat(f.path("text").asText().length()).isBetween(1, 2000));
            }
            if (block.path("type").asText().equals("context")) {
                assertThat(block.path("elements").size()).isBetween(1, 10);
            }
        }
        String all = payload.toString();
        int shown = Math.min(count, SlackChannel.MAX_FINDINGS);
        assertThat(countOf(all, "on mcExec")).isEqualTo(shown);
        if (count > shown) {
            assertThat(all).contains("…and " + (count - shown) + " more: ").contains("mcSynch_mcExec" + count + " (at risk)");
        } else {
            assertThat(all).doesNotContain("more: ");
        }
        assertThat(all).contains("<https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-05406|");
        assertThat(all).contains("Move the scheduler of mcSynch_mcExec1 to start at 06:05 (Europe/Paris)");
    }

    @Test
    void slack_escapesReportTextSoAJournalLineCannotBecomeALinkOrAMention() throws IOException {
        Finding hostile = new Finding(Finding.Kind.UNKNOWN, "mcSynch_x", "x", SampleFindings.NOW, "UTC", null, null,
                List.of("<!channel> see <https://evil.example|here> & more"), null);

        String payload = new String(new SlackChannel(MAPPER, 10).body(composer, List.of(hostile), null),
                StandardCharsets.UTF_8);

        assertThat(payload).doesNotContain("<!channel>").doesNotContain("<https://evil.example")
                .contains("&lt;!channel&gt; see &lt;https://evil.example|here&gt; &amp; more");
    }

    @Test
    void teams_isTheDocumentedEnvelopeAroundAnAdaptiveCardOfTheDeclaredVersion() throws IOException {
        List<Finding> findings = FindingSources.toSend(SampleFindings.report(SampleFindings.atRisk("mcExec1"),
                SampleFindings.unknown("mcExec2")), false);

        JsonNode payload = MAPPER.readTree(new TeamsChannel(MAPPER, 10).body(composer, findings, null));

        assertThat(payload.path("type").asText()).isEqualTo("message");
        assertThat(payload.path("attachments").size()).isEqualTo(1);
        JsonNode attachment = payload.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.has("contentUrl") && attachment.path("contentUrl").isNull()).isTrue();
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        List<String> types = new ArrayList<>();
        card.path("body").forEach(e -> collectTypes(e, types));
        assertThat(types).isNotEmpty().allMatch(CARD_ELEMENTS::contains);
        card.path("body").findValues("facts").forEach(facts -> facts.forEach(fact -> {
            assertThat(fact.path("title").isTextual()).isTrue();
            assertThat(fact.path("value").isTextual()).isTrue();
        }));
        JsonNode action = card.path("actions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(action.path("url").asText()).isEqualTo(AlertText.KB_URL);
        assertThat(card.toString()).contains("mcSynch_mcExec1 on mcExec1: at risk")
                .contains("mcSynch_mcExec2 on mcExec2: could not be checked")
                .contains("Move the scheduler of mcSynch_mcExec1 to start at 06:05 (Europe/Paris)");
    }

    @Test
    void teams_staysUnderItsSizeLimit_byShowingFewerInFull_andNamingTheRest() throws IOException {
        String longLine = "x".repeat(1_500);
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            findings.add(new Finding(Finding.Kind.UNKNOWN, "mcSynch_exec" + i, "exec" + i, SampleFindings.NOW, "UTC",
                    null, null, List.of(longLine, longLine, longLine), null));
        }

        byte[] body = new TeamsChannel(MAPPER, 40).body(composer, findings, null);

        assertThat(body.length).isLessThanOrEqualTo(TeamsChannel.MAX_BYTES).isLessThan(28 * 1024);
        String card = new String(body, StandardCharsets.UTF_8);
        int shown = countOf(card, ": could not be checked\"");
        assertThat(shown).isBetween(1, 39);
        assertThat(card).contains("…and " + (40 - shown) + " more: ").contains("mcSynch_exec40 (could not be checked)");
    }

    @Test
    void teams_aSingleHugeFinding_isCutToFit_notDropped() throws IOException {
        Finding huge = new Finding(Finding.Kind.UNKNOWN, "mcSynch_x", "x", SampleFindings.NOW, "UTC", null, null,
                List.of("y".repeat(20_000), "z".repeat(20_000)), null);

        byte[] body = new TeamsChannel(MAPPER, 10).body(composer, List.of(huge), null);

        assertThat(body.length).isLessThanOrEqualTo(TeamsChannel.MAX_BYTES);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("mcSynch_x on x: could not be checked");
    }

    @Test
    void webhook_sendsTheWholeReportAndEveryFinding_signedAsOurOwnWebhookVerifies() throws IOException {
        var report = SampleFindings.manyAtRisk(14);
        List<Finding> findings = FindingSources.toSend(report, false);
        WebhookChannel channel = new WebhookChannel(MAPPER);
        byte[] secret = "receiver-shared-secret".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-11-22T07:15:00Z");

        byte[] body = channel.body(composer, findings, report);
        Map<String, String> headers = channel.headers(body, secret, now);

        JsonNode json = MAPPER.readTree(body);
        assertThat(json.path("knownIssue").asText()).isEqualTo("KA-05406");
        assertThat(json.path("findings").size()).isEqualTo(14);
        assertThat(json.path("findings").get(0).path("kind").asText()).isEqualTo("AT_RISK");
        assertThat(json.path("report").path("instances").size()).isEqualTo(14);
        assertThat(json.path("report").path("instances").get(13).path("status").asText()).isEqualTo("AT_RISK");
        assertThat(headers.get("X-Webhook-Timestamp")).isEqualTo(Long.toString(now.getEpochSecond()));
        assertThat(headers.get("X-Webhook-Signature")).matches("sha256=[0-9a-f]{64}");
        WebhookSignature verifier = new WebhookSignature(Duration.ofMinutes(5));
        assertThat(verifier.verify(headers.get("X-Webhook-Timestamp"), headers.get("X-Webhook-Signature"), body,
                List.of(secret), now)).isEqualTo(WebhookSignature.Check.VALID);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("AT_RISK", "CLEAR").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.verify(headers.get("X-Webhook-Timestamp"), headers.get("X-Webhook-Signature"), tampered,
                List.of(secret), now)).isEqualTo(WebhookSignature.Check.MISMATCH);
    }

    private static void collectTypes(JsonNode element, List<String> types) {
        types.add(element.path("type").asText());
        element.path("items").forEach(e -> collectTypes(e, types));
    }

    private static int countOf(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
