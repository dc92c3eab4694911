package com.campaignops.ka05406.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "One notification and its verdict" holds: its notification is events/direct-invocation.json, and its
 * verdict is what the function answers to it, field for field. A text the README shortens with "…" must still be the
 * answer's text around the cut, so a changed sentence, a new field or a dropped one fails here.
 */
@QuarkusTest
class ReadmeExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);
    private static final String SECTION = "## One notification and its verdict";

    @Test
    void theReadmesNotification_isTheSampleEvent_andItsVerdictIsTheFunctionsAnswer() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(SECTION);
        assertThat(start).as("the README's section '%s'", SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        List<String> blocks = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("the section's JSON blocks: the notification, then its verdict").hasSize(2);
        assertThat(JSON.readTree(blocks.get(0)))
                .isEqualTo(JSON.readTree(Files.readString(Path.of("events/direct-invocation.json"))));

        String answer = given().body(blocks.get(0)).when().post().then().statusCode(200).extract().asString();
        List<String> differences = new ArrayList<>();
        compare(JSON.readTree(blocks.get(1)), JSON.readTree(answer), "verdict", differences);

        assertThat(differences).as("where the README's verdict differs from the answer\n%s", answer).isEmpty();
    }

    @Test
    void aShortenedText_holdsOnlyWhereTheAnswerHasTheSameTextAroundTheCut() {
        assertThat(shows("Check the journal: …", "Check the journal: its Logon error")).isTrue();
        assertThat(shows("Adobe advises against …, move it.", "Adobe advises against changing it, move it.")).isTrue();
        assertThat(shows("Check the journal: …", "Check the journal, in its tab: …")).isFalse();
        assertThat(shows("… after the restart.", "… before the restart.")).isFalse();
        assertThat(shows("06:05", "06:05:00")).isFalse();
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
        } else if (shown.isArray() && answered.isArray() && shown.size() == answered.size()) {
            Iterator<JsonNode> answers = answered.elements();
            int i = 0;
            for (JsonNode element : shown) {
                compare(element, answers.next(), where + "[" + i++ + "]", differences);
            }
        } else if (shown.isTextual() && answered.isTextual() ? !shows(shown.asText(), answered.asText())
                : !shown.equals(answered)) {
            differences.add(where + ": shown " + shown + ", answered " + answered);
        }
    }

    /** The README's text, where each "…" stands for a cut part of the answer's. */
    private static boolean shows(String shown, String answered) {
        String[] pieces = shown.split("…", -1);
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
