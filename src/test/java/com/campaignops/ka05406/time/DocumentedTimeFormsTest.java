package com.campaignops.ka05406.time;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation's "What it reads" table cannot promise a form the reader refuses: every example it writes, and
 * every offset it lists after a date of each grammar, is read here as written there.
 */
class DocumentedTimeFormsTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void everyExampleOfTheTimesTable_isRead() throws IOException {
        List<String> examples = new ArrayList<>();
        for (String row : timesTable()) {
            String[] cells = row.split("\\|");
            Matcher m = CODE.matcher(cells[2]);
            while (m.find()) {
                examples.add(m.group(1));
            }
        }

        assertThat(examples).as("the table's examples").hasSizeGreaterThanOrEqualTo(10);
        for (String example : examples) {
            TimeReading reading = TimestampReader.parse(example);
            assertThat(reading.local()).as(example).isNotNull();
        }
    }

    @Test
    void everyOffsetTheTableLists_isReadAfterAnIsoDateAndAfterAConsoleDate() throws IOException {
        String sentence = section().stream().filter(l -> l.contains("an offset (")).findFirst().orElseThrow();
        Matcher m = CODE.matcher(sentence.substring(sentence.indexOf("an offset (")));
        List<String> offsets = new ArrayList<>();
        while (m.find()) {
            offsets.add(m.group(1));
        }

        assertThat(offsets).as("the offsets listed").contains("Z", "UTC", "GMT+2", "+02:00");
        for (String offset : offsets) {
            for (String date : List.of("2024-06-14 06:00:03", "2024-06-14T06:00:03", "27/10/2025 07:01:12",
                    "10/27/2025 7:01:12 AM")) {
                String text = date + (offset.equals("Z") && date.contains("T") ? "" : " ") + offset;
                assertThat(TimestampReader.parse(text).offset()).as(text).isNotNull();
            }
        }
    }

    /** The rows of the first table under the "What it reads" heading, wherever the documentation keeps it. */
    private static List<String> timesTable() throws IOException {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : section()) {
            if (line.startsWith("|") && line.toLowerCase().contains("example")) {
                inTable = true;
            } else if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
                rows.add(line);
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        return rows;
    }

    private static List<String> section() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        if (Files.isDirectory(Path.of("docs"))) {
            try (Stream<Path> docs = Files.list(Path.of("docs"))) {
                docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches("#+ What it reads.*")) {
                    return lines.subList(i + 1, lines.size());
                }
            }
        }
        throw new AssertionError("no 'What it reads' heading in README.md or docs/");
    }
}
