package com.campaignops.ka05406.messages;

import com.campaignops.ka05406.SignedWebhooks;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One golden verdict per language, produced by the function itself (the handler, through the mock Lambda event
 * server) from {@code languages/notification.json} with {@code language} set: every sentence reviewed once, then
 * held. Regenerate after a deliberate change of wording with {@code -Dgolden.write=true}, and review the diff.
 */
@QuarkusTest
class LocalizedVerdictsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of("src/test/resources/languages");

    @ParameterizedTest
    @ValueSource(strings = {"en", "en-US", "fr", "de", "ja", "sv", "it"})
    void theVerdictInEachLanguageIsTheReviewedOne(String tag) throws IOException {
        ObjectNode notification = (ObjectNode) JSON.readTree(DIR.resolve("notification.json").toFile());
        notification.put("language", tag);
        JsonNode verdict = invoke(notification.toString());
        Path golden = DIR.resolve("verdict." + tag + ".json");
        if (Boolean.getBoolean("golden.write")) {
            // One sentence a line, so that a review (and a diff) reads sentence by sentence.
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                    .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
            Files.writeString(golden, JSON.writer(printer).writeValueAsString(verdict) + "\n", StandardCharsets.UTF_8);
        }
        assertThat(verdict).isEqualTo(JSON.readTree(golden.toFile()));
        assertThat(verdict.path("language").asText()).isEqualTo(tag);
        assertThat(verdict.path("verdict").asText()).isEqualTo("MATCH");
        assertThat(verdict.path("recommendation").path("schedulerStart").asText()).isEqualTo("08:05");
    }

    @Test
    void machineFieldsAreTheSameInEveryLanguage() throws IOException {
        JsonNode english = JSON.readTree(DIR.resolve("verdict.en.json").toFile());
        for (String tag : new String[]{"en-US", "fr", "de", "ja", "sv", "it"}) {
            ObjectNode other = (ObjectNode) JSON.readTree(DIR.resolve("verdict." + tag + ".json").toFile()).deepCopy();
            ObjectNode reference = english.deepCopy();
            for (ObjectNode node : new ObjectNode[]{other, reference}) {
                node.remove("evidence");
                node.remove("language");
                ((ObjectNode) node.get("recommendation")).remove("steps");
                ((ObjectNode) node.get("recommendation")).remove("caveat");
            }
            assertThat(other).as(tag).isEqualTo(reference);
        }
    }

    @Test
    void anUnsupportedRegionFallsBackToItsLanguage_andTheVerdictSaysWhichWasUsed() throws IOException {
        ObjectNode notification = (ObjectNode) JSON.readTree(DIR.resolve("notification.json").toFile());
        notification.put("language", "fr-CA");
        assertThat(invoke(notification.toString()).path("language").asText()).isEqualTo("fr");
        notification.put("language", "pt-BR");
        assertThat(invoke(notification.toString()).path("language").asText()).isEqualTo("en");
    }

    @Test
    void aWebhookAnswersInTheAcceptLanguageOfItsRequest_unlessTheNotificationNamesOne() throws IOException {
        String body = Files.readString(DIR.resolve("notification.json"));
        JsonNode german = webhook(body, "pt-BR, de-CH;q=0.9, ja;q=0.8");
        assertThat(german.path("language").asText()).isEqualTo("de");
        assertThat(german.path("recommendation").path("steps").get(1).asText())
                .contains("„Administration > Betreibung > Message Center“", "„Planung“", "„Ändern...“");

        ObjectNode swedish = (ObjectNode) JSON.readTree(body);
        swedish.put("language", "sv-SE");
        assertThat(webhook(swedish.toString(), "de").path("language").asText()).isEqualTo("sv");
        assertThat(webhook(body, null).path("language").asText()).isEqualTo("en");
    }

    @Test
    void errorsKeepTheirEnglishMessage() throws IOException {
        JsonNode error = invoke("{\"workflow\": \"mcSynch_mcExec1\", \"failedAt\": \"yesterday\", \"language\": \"fr\"}");
        assertThat(error.path("error").path("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(error.path("error").path("message").asText()).contains("failedAt");
        assertThat(error.path("language").isMissingNode()).isTrue();
    }

    private static JsonNode webhook(String body, String acceptLanguage) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Path.of("events/http-api-webhook.json").toFile());
        event.put("body", body);
        event.put("isBase64Encoded", false);
        if (acceptLanguage != null) {
            ((ObjectNode) event.get("headers")).put("accept-language", acceptLanguage);
        }
        JsonNode reply = invoke(SignedWebhooks.signed(event.toString()));
        assertThat(reply.path("statusCode").asInt()).as(reply.toString()).isEqualTo(200);
        return JSON.readTree(reply.path("body").asText());
    }

    private static JsonNode invoke(String event) throws IOException {
        return JSON.readTree(given().body(event).when().post().then().statusCode(200).extract().asString());
    }
}
