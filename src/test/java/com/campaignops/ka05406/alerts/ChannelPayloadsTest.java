package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.messages.Language;
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
    private static final Set<String> CARD_ELEMENTS = Set.of("TextBlock", "Container");

    private final AlertText text = new AlertText(Language.EN);

    @ParameterizedTest(name = "{0} findings")
    @ValueSource(ints = {1, 3, 11, 12, 40})
    void slack_isBlockKit_withinEveryDocumentedLimit_andNamesWhatDidNotFit(int count) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            // Each its own group (unknown), so the block budget is what limits.
            findings.addAll(Finding.toSend(SampleFindings.report(SampleFindings.unknown("mcExec" + i))));
        }

        JsonNode payload = MAPPER.readTree(new SlackChannel(MAPPER, 50).body(text, findings, null));

        AlertRulesTest.assertBlockKit(payload);
        String all = payload.toString();
        int shown = Math.min(count, SlackChannel.MAX_GROUPS);
        assertThat(countOf(all, "Could not be checked: mcSynch_mcExec")).isEqualTo(shown);
        if (count > shown) {
            assertThat(all).contains("…and " + (count - shown) + " more: ")
                    .contains("mcSynch_mcExec" + count + " (could not be checked)");
        } else {
            assertThat(all).doesNotContain("more: ");
        }
        assertThat(all).contains("<https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-05406|");
    }

    @Test
    void slack_fortyIdenticalAtRisk_areOneGroupWithOneFix() throws IOException {
        JsonNode payload = MAPPER.readTree(new SlackChannel(MAPPER, 10)
                .body(text, Finding.toSend(SampleFindings.manyAtRisk(40)), null));

        AlertRulesTest.assertBlockKit(payload);
        String all = payload.toString();
        assertThat(countOf(all, "For each: start at 06:05 (Europe/Paris), keep every 60 min.")).isEqualTo(1);
        assertThat(all).contains("mcSynch_mcExec1, ").contains("mcSynch_mcExec40").doesNotContain("more: ");
        assertThat(payload.path("blocks").size()).isLessThanOrEqualTo(10);
    }

    @Test
    void slack_escapesReportTextSoAJournalLineCannotBecomeALinkOrAMention() throws IOException {
        Finding hostile = new Finding(Finding.Kind.UNKNOWN, "mcSynch_x", "x", SampleFindings.NOW, "UTC", null, null,
                null, "<!channel> see <https://evil.example|here> & more", List.of(), null);

        String payload = new String(new SlackChannel(MAPPER, 10).body(text, List.of(hostile), null),
                StandardCharsets.UTF_8);

        assertThat(payload).doesNotContain("<!channel>").doesNotContain("<https://evil.example")
                .contains("&lt;!channel&gt; see &lt;https://evil.example|here&gt; &amp; more");
    }

    @Test
    void teams_isTheDocumentedEnvelopeAroundAnAdaptiveCardOfTheDeclaredVersion() throws IOException {
        List<Finding> findings = Finding.toSend(SampleFindings.report(SampleFindings.atRisk("mcExec1"),
                SampleFindings.unknown("mcExec2")));

        JsonNode payload = MAPPER.readTree(new TeamsChannel(MAPPER, 10).body(text, findings, null));

        assertThat(payload.path("type").asText()).isEqualTo("message");
        assertThat(payload.path("attachments").size()).isEqualTo(1);
        JsonNode attachment = payload.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        assertThat(attachment.has("contentUrl") && attachment.path("contentUrl").isNull()).isTrue();
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("$schema").asText()).isEqualTo("http://adaptivecards.io/schemas/adaptive-card.json");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        assertThat(payload.path("summary").asText()).isEqualTo("KA-05406: mcSynch_mcExec1 at risk, start it at 06:05 "
                + "(Europe/Paris); mcSynch_mcExec2 could not be checked.");
        assertThat(card.path("fallbackText").asText()).isEqualTo(payload.path("summary").asText());
        List<String> types = new ArrayList<>();
        card.path("body").forEach(e -> collectTypes(e, types));
        assertThat(types).isNotEmpty().allMatch(CARD_ELEMENTS::contains);
        JsonNode action = card.path("actions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(action.path("url").asText()).isEqualTo(AlertText.KB_URL);
        assertThat(action.path("title").asText().length()).isLessThanOrEqualTo(AlertRulesTest.PHONE_BUTTON_CHARS);
        assertThat(card.toString()).contains("At risk: mcSynch\\\\_mcExec1")
                .contains("Could not be checked: mcSynch\\\\_mcExec2")
                .contains("Start at 06:05 (Europe/Paris), keep every 60 min.");
    }

    @Test
    void teams_staysUnderItsSizeLimit_byShowingFewerInFull_andNamingTheRest() throws IOException {
        String longLine = "x".repeat(1_500);
        List<Finding> findings = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            findings.add(new Finding(Finding.Kind.UNKNOWN, "mcSynch_exec" + i, "exec" + i, SampleFindings.NOW, "UTC",
                    null, null, null, longLine, List.of(), null));
        }

        byte[] body = new TeamsChannel(MAPPER, 40).body(text, findings, null);

        assertThat(body.length).isLessThanOrEqualTo(TeamsChannel.MAX_BYTES).isLessThan(28 * 1024);
        String card = new String(body, StandardCharsets.UTF_8);
        int shown = countOf(card, "Could not be checked: mcSynch\\\\_exec");
        assertThat(shown).isBetween(1, 39);
        assertThat(card).contains("…and " + (40 - shown) + " more: ").contains("mcSynch\\\\_exec40 (could not be checked)");
    }

    @Test
    void teams_aSingleHugeFinding_isCutToFit_notDropped() throws IOException {
        Finding huge = new Finding(Finding.Kind.UNKNOWN, "mcSynch_x", "x", SampleFindings.NOW, "UTC", null, null,
                null, "y".repeat(40_000), List.of(), null);

        byte[] body = new TeamsChannel(MAPPER, 10).body(text, List.of(huge), null);

        assertThat(body.length).isLessThanOrEqualTo(TeamsChannel.MAX_BYTES);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Could not be checked: mcSynch\\\\_x");
    }

    @Test
    void webhook_sendsTheWholeReportAndEveryFinding_signedAsOurOwnWebhookVerifies() throws IOException {
        var report = SampleFindings.manyAtRisk(14);
        List<Finding> findings = Finding.toSend(report);
        WebhookChannel channel = new WebhookChannel(MAPPER);
        byte[] secret = "receiver-shared-secret".getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-11-22T07:15:00Z");

        byte[] body = channel.body(text, findings, MAPPER.valueToTree(report));
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
