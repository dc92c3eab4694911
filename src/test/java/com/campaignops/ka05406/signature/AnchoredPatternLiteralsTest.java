package com.campaignops.ka05406.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The literal lists kept by hand next to each production pattern must agree with it: the search only starts where
 * a literal occurs, so a match that starts with none would silently never be found. Checked on every text of the
 * test corpora (signature fixtures, the realistic inputs, the KB copies), normalised as recognition normalises.
 */
class AnchoredPatternLiteralsTest {

    @Test
    void everyMatchOfEveryProductionPattern_startsWithOneOfItsLiterals() throws IOException {
        List<String> texts = corpus();
        int matches = 0;
        for (AnchoredPattern pattern : LogonSignature.ALL_PATTERNS) {
            for (String raw : texts) {
                String text = LogonSignature.normalise(raw);
                Matcher m = pattern.pattern().matcher(text);
                while (m.find()) {
                    int start = m.start();
                    matches++;
                    assertThat(pattern.literals()).as("pattern %s matched '%s' in '%s'", pattern.pattern(), m.group(), text)
                            .anyMatch(literal -> text.startsWith(literal, start));
                }
            }
        }
        assertThat(matches).as("the corpus exercises the patterns").isGreaterThan(200);
    }

    private static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        List<Path> folders = new ArrayList<>(List.of(Path.of("src/test/resources/signatures")));
        // The KB copies next to the project (../shared/kb), where this machine and CI have them.
        if (Files.isDirectory(Path.of("../shared/kb"))) {
            folders.add(Path.of("../shared/kb"));
        }
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    texts.addAll(Files.readAllLines(file));
                }
            }
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/realistic"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                collect(json.readTree(file.toFile()).path("notification"), texts);
            }
        }
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.asText());
        }
        node.forEach(child -> collect(child, texts));
    }
}
