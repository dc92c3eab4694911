package com.campaignops.ka05406.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the README and docs/contract.md hold: each documented answer is what the function answers to its
 * documented notification, field for field, so a changed sentence, a new field or a dropped one fails here.
 * Where an example shortens, "…" in a text stands for a cut part of the answer's text, a last list item "…" for
 * more items.
 */
@QuarkusTest
class DocumentedExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final String CUT = "…";
    /** A cut takes the spaces around it: "workflow … move" shortens "workflow, as … if you move". */
    private static final Pattern CUT_IN_TEXT = Pattern.compile("\\s*…\\s*");

    @Test
    void theReadmesNotification_isTheSampleEvent_andItsVerdictIsTheFunctionsAnswer() throws IOException {
        List<String> blocks = jsonBlocks("README.md", "## One notification and its verdict");
        assertThat(blocks).as("the section's JSON blocks: the notification, then its verdict").hasSize(2);
        assertThat(JSON.readTree(blocks.get(0))).isEqualTo(sample());

        assertAnswered(blocks.get(0), blocks.get(1));
    }

    @Test
    void theContractsVerdict_isTheAnswerToTheContractsNotification() throws IOException {
        String notification = jsonBlocks("docs/contract.md", "## The notification").get(0);
        String verdict = jsonBlocks("docs/contract.md", "## The verdict").get(0);

        assertAnswered(notification, verdict);
    }

    @Test
    void theContractsError_isTheAnswerToTheSampleWithAnImpossibleMonth() throws IOException {
        ObjectNode notification = (ObjectNode) sample();
        notification.put("failedAt", "2024-13-06 06:00:03");
        String error = jsonBlocks("docs/contract.md", "## Errors").get(0);

        assertAnswered(notification.toString(), error);
    }

    @Test
    void aShortenedExample_holdsOnlyWhereTheAnswerHasTheSameTextAroundTheCut() throws IOException {
        assertThat(shows("Check the journal: …", "Check the journal: its Logon error")).isTrue();
        assertThat(shows("Adobe advises against …, move it.", "Adobe advises against changing it, move it.")).isTrue();
        assertThat(shows("Check the journal: …", "Check the journal, in its tab: …")).isFalse();
        assertThat(shows("… after the restart.", "… before the restart.")).isFalse();
        assertThat(shows("06:05", "06:05:00")).isFalse();
        assertThat(shows("the workflow … by the same offset …", "the workflow, as data may be lost, by the same offset."))
                .isTrue();
        assertThat(shows("the workflow … by the same offset …", "the workflow, by another offset.")).isFalse();
        assertThat(differences("[\"a\", \"…\"]", "[\"a\", \"b\", \"c\"]")).isEmpty();
        assertThat(differences("[\"a\", \"b\"]", "[\"a\", \"b\", \"c\"]")).isNotEmpty();
        assertThat(differences("[\"x\", \"…\"]", "[\"a\", \"b\"]")).isNotEmpty();
        assertThat(differences("{\"a\": 1}", "{\"a\": 1, \"b\": 2}")).containsExactly("answer.b is not shown");
        assertThat(differences("{\"a\": 1, \"b\": 2}", "{\"a\": 1}")).containsExactly("answer.b is not answered");
    }

    private static JsonNode sample() throws IOException {
        return JSON.readTree(Files.readString(Path.of("events/direct-invocation.json")));
    }

    /** The JSON blocks of a Markdown file's section, from its heading to the next one of its level. */
    private static List<String> jsonBlocks(String file, String heading) throws IOException {
        String text = Files.readString(Path.of(file));
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as("%s's section '%s'", file, heading).isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        Matcher block = JSON_BLOCK.matcher(text.substring(start, end < 0 ? text.length() : end));
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("%s's JSON blocks under '%s'", file, heading).isNotEmpty();
        return blocks;
    }

    private static void assertAnswered(String notification, String documented) throws IOException {
        String answer = given().body(notification).when().post().then().statusCode(200).extract().asString();
        assertThat(differences(documented, answer)).as("where the documented answer differs from\n%s", answer)
                .isEmpty();
    }

    private static List<String> differences(String shown, String answered) throws IOException {
        List<String> differences = new ArrayList<>();
        compare(JSON.readTree(shown), JSON.readTree(answered), "answer", differences);
        return differences;
    }

    /** Collects every place where {@code shown} is not {@code answered}: a field too many or too few, a value. */
    private static void compare(JsonNode shown, JsonNode answered, String where, List<String> differences) {
        if (shown.isObject() && answered.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            shown.fieldNames().forEachRemaining(names::add);
            answered.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!shown.has(name) || !answered.has(name)) {
                    differences.add(where + "." + name + (shown.has(name) ? " is not answered" : " is not shown"));
                } else {
                    compare(shown.get(name), answered.get(name), where + "." + name, differences);
                }
            }
        } else if (shown.isArray() && answered.isArray()) {
            boolean more = !shown.isEmpty() && CUT.equals(shown.get(shown.size() - 1).asText());
            int items = more ? shown.size() - 1 : shown.size();
            if (more ? answered.size() < items : answered.size() != items) {
                differences.add(where + ": shows " + shown.size() + " items, answered " + answered.size());
            }
            for (int i = 0; i < Math.min(items, answered.size()); i++) {
                compare(shown.get(i), answered.get(i), where + "[" + i + "]", differences);
            }
        } else if (shown.isTextual() && answered.isTextual() ? !shows(shown.asText(), answered.asText())
                : !shown.equals(answered)) {
            differences.add(where + ": shown " + shown + ", answered " + answered);
        }
    }

    /** The documented text, where each "…" (and the spaces around it) stands for a cut part of the answer's. */
    private static boolean shows(String shown, String answered) {
        String[] pieces = CUT_IN_TEXT.split(shown, -1);
        if (pieces.length == 1) {
            return shown.equals(answered);
        }
        String last = pieces[pieces.length - 1];
        if (!answered.startsWith(pieces[0]) || !answered.endsWith(last)
                || pieces[0].length() + last.length() > answered.length()) {
            return false;
        }
        int at = pieces[0].length();
        for (int i = 1; i < pieces.length - 1; i++) {
            at = answered.indexOf(pieces[i], at);
            if (at < 0 || at + pieces[i].length() > answered.length() - last.length()) {
                return false;
            }
            at += pieces[i].length();
        }
        return true;
    }
}
