package com.campaignops.ka05406.messages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console labels the steps name, held to {@code messages/SOURCES.md} (each label traced to Adobe's documentation in
 * that language), and the punctuation each language's catalogue owes its reader: French non-breaking spaces and
 * « », German „ “, Japanese full-width punctuation and instructions in 〜してください. Plain JUnit: the catalogues are
 * read as files.
 */
class ConsoleLabelsTest {

    private static final Path SOURCES = Path.of("src/main/resources/messages/SOURCES.md");
    /** What an operator follows in the console, and the notice that names the console's notification and page. */
    private static final Pattern LABEL_KEY = Pattern.compile("step\\..+|journal\\.notice");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final String NO_BREAK = "[\u00a0\u202f]";
    /** How each language quotes a name of the console; group 1 (or 2) is the name. */
    private static final Map<Language, Pattern> QUOTED = Map.of(
            Language.EN, Pattern.compile("\"([^\"]+)\""),
            Language.FR, Pattern.compile("«" + NO_BREAK + "([^»]*?)" + NO_BREAK + "»"),
            Language.DE, Pattern.compile("„([^“]+)“"),
            Language.JA, Pattern.compile("「([^」]+)」|［([^］]+)］"),
            Language.SV, Pattern.compile("”([^”]+)”"),
            Language.IT, Pattern.compile("«([^»]+)»"));
    private static final String MENU_STEP = " > ";

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"EN", "FR", "DE", "JA", "SV", "IT"})
    void everyConsoleLabelOfAStep_isInSourcesForItsLanguage(Language language) throws IOException {
        Map<String, Row> sources = sources().get(language.catalog());
        assertThat(sources).as("SOURCES.md has a table for %s", language).isNotEmpty();
        labelKeys(language).forEach((key, text) -> {
            for (String label : labels(language, text)) {
                assertThat(sources).as("%s %s names «%s», which SOURCES.md does not trace: %s", language, key, label,
                        text).containsKey(label);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"EN", "FR", "DE", "JA", "SV", "IT"})
    void everyRowOfSources_isALabelAStepUses_asThePageWritesIt(Language language) throws IOException {
        List<String> used = new ArrayList<>();
        labelKeys(language).values().forEach(text -> used.addAll(labels(language, text)));
        sources().get(language.catalog()).forEach((label, row) -> {
            assertThat(used).as("%s: SOURCES.md lists «%s», which no step uses", language, label).contains(label);
            assertThat(normalized(row.written())).as("%s: the page's words for «%s»", language, label)
                    .contains(normalized(label));
            assertThat(row.source()).as("%s: where «%s» was found", language, label)
                    .matches("AdobeDocs/campaign-classic\\.[A-Za-z-]+ help/\\S+\\.md");
        });
    }

    /** A label written bare (or a menu path outside quotes) is one the reader cannot tell from our own words. */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"EN", "FR", "DE", "JA", "SV", "IT"})
    void aStepQuotesEachLabelAndEachMenuPath(Language language) throws IOException {
        Map<String, Row> sources = sources().get(language.catalog());
        labelKeys(language).forEach((key, text) -> {
            String bare = QUOTED.get(language).matcher(text).replaceAll("");
            assertThat(bare).as("%s %s: a menu path outside quotes", language, key).doesNotContain(MENU_STEP);
            // ［管理］／［プロダクション］／…: each step of a Japanese menu path in its own brackets.
            assertThat(text).as("%s %s: a menu path outside brackets", language, key)
                    .doesNotContainPattern("(?<!］)／|／(?!［)");
            for (String label : sources.keySet()) {
                Pattern word = language == Language.JA ? Pattern.compile(Pattern.quote(label))
                        : Pattern.compile("(?<!\\p{L})" + Pattern.quote(label) + "(?!\\p{L})");
                assertThat(bare).as("%s %s: the label «%s» outside quotes", language, key, label).doesNotContainPattern(word);
            }
        });
    }

    /** Every language names as many of the console's labels in each step as English does. */
    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"FR", "DE", "JA", "SV", "IT"})
    void eachStepNamesAsManyLabelsAsTheEnglishOne(Language language) {
        Map<String, String> english = labelKeys(Language.EN);
        labelKeys(language).forEach((key, text) -> assertThat(labels(language, text))
                .as("%s %s: %s", language, key, text).hasSameSizeAs(labels(Language.EN, english.get(key))));
    }

    @Test
    void french_noBreakSpaceBeforeHighPunctuationAndInsideGuillemets_andItsOwnQuotesAndEllipsis() {
        Catalog.read("fr").forEach((key, text) -> {
            Matcher high = Pattern.compile("[:;?!]").matcher(text);
            while (high.find()) {
                int at = high.start();
                // 'xtk:session': a colon inside an identifier is the identifier's.
                boolean identifier = high.group().equals(":") && at > 0 && at + 1 < text.length()
                        && isAsciiAlnum(text.charAt(at - 1)) && isAsciiAlnum(text.charAt(at + 1));
                assertThat(identifier || (at > 0 && isNoBreak(text.charAt(at - 1))))
                        .as("fr %s: «%s» wants a no-break space before it at %d: %s", key, high.group(), at, text)
                        .isTrue();
            }
            assertThat(text).as("fr %s", key).doesNotContainPattern("«(?!" + NO_BREAK + ")")
                    .doesNotContainPattern("(?<!" + NO_BREAK + ")»").doesNotContain("\"", "“", "”", "...");
        });
    }

    @Test
    void german_quotesWithLowAndHighMarks() {
        Catalog.read("de").forEach((key, text) -> {
            assertThat(text).as("de %s", key).doesNotContain("\"", "”", "«", "»");
            boolean open = false;
            for (char c : text.toCharArray()) {
                if (c == '„') {
                    assertThat(open).as("de %s: „ opened twice: %s", key, text).isFalse();
                    open = true;
                } else if (c == '“') {
                    assertThat(open).as("de %s: “ closes nothing: %s", key, text).isTrue();
                    open = false;
                }
            }
            assertThat(open).as("de %s: „ left open: %s", key, text).isFalse();
        });
    }

    /**
     * Japanese sentences use full-width punctuation: half-width {@code : ; ( ) , . ! ? [ ] "} only inside an
     * identifier ({@code xtk:session}, {@code restart-check.date-order}), a placeholder, or a console label quoted as
     * the console writes it (「変更...」); no half-width space between two Japanese characters.
     */
    @Test
    void japanese_fullWidthPunctuation_noStraySpace_andAFullStopWhereEnglishHasOne() throws IOException {
        Map<String, String> english = Catalog.read("en");
        Map<String, Row> labels = sources().get("ja");
        Catalog.read("ja").forEach((key, text) -> {
            String sentence = PLACEHOLDER.matcher(text).replaceAll("X");
            Matcher quoted = Pattern.compile("「([^」]+)」").matcher(sentence);
            StringBuilder withoutLabels = new StringBuilder();
            while (quoted.find()) {
                quoted.appendReplacement(withoutLabels, labels.containsKey(quoted.group(1)) ? "「」"
                        : Matcher.quoteReplacement(quoted.group()));
            }
            quoted.appendTail(withoutLabels);
            String bare = withoutLabels.toString().replaceAll("[A-Za-z0-9][!-~]*[A-Za-z0-9]|[A-Za-z0-9]", "");
            assertThat(bare).as("ja %s: half-width punctuation in %s", key, text).doesNotContainPattern("[:;(),.!?\\[\\]\"]");
            assertThat(sentence).as("ja %s: a half-width space between Japanese characters", key)
                    .doesNotContainPattern("[^\\x00-\\x7f] +[^\\x00-\\x7f]");
            assertThat(text.endsWith("。")).as("ja %s ends with 。 as the English ends with a full stop: %s", key, text)
                    .isEqualTo(english.get(key).endsWith("."));
        });
    }

    /** An instruction is asked for (〜してください), never stated (〜します). */
    @Test
    void japanese_stepsAreInstructionsInTheKudasaiForm() {
        Catalog.read("ja").forEach((key, text) -> {
            if (!key.startsWith("step.")) {
                return;
            }
            String[] sentences = text.split("(?<=。)");
            assertThat(sentences[0]).as("ja %s: the step's instruction", key).endsWith("てください。");
            for (String sentence : sentences) {
                assertThat(sentence).as("ja %s: an instruction stated, not asked", key).doesNotEndWith("します。");
            }
        });
    }

    /** The console labels a text names: each quoted name without a placeholder, a menu path cut at its steps. */
    private static List<String> labels(Language language, String text) {
        List<String> labels = new ArrayList<>();
        Matcher m = QUOTED.get(language).matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (!PLACEHOLDER.matcher(name).find()) {
                labels.addAll(List.of(name.split(Pattern.quote(MENU_STEP))));
            }
        }
        return labels;
    }

    private static Map<String, String> labelKeys(Language language) {
        Map<String, String> keys = new TreeMap<>();
        Catalog.read(language.catalog()).forEach((key, text) -> {
            if (LABEL_KEY.matcher(key).matches()) {
                keys.put(key, text);
            }
        });
        return keys;
    }

    private record Row(String written, String source) {
    }

    /** SOURCES.md: a "## <catalogue>" heading per language, then a table of label | as the page writes it | source. */
    private static Map<String, Map<String, Row>> sources() throws IOException {
        Map<String, Map<String, Row>> tables = new LinkedHashMap<>();
        Map<String, Row> table = null;
        for (String line : Files.readAllLines(SOURCES, StandardCharsets.UTF_8)) {
            if (line.startsWith("## ")) {
                table = new LinkedHashMap<>();
                tables.put(line.substring(3).trim(), table);
            } else if (table != null && line.startsWith("|") && !line.startsWith("| Label") && !line.startsWith("| ---")) {
                String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
                assertThat(cells).as("a row of SOURCES.md: %s", line).hasSize(3);
                assertThat(table.put(cells[0].trim(), new Row(cells[1].trim(), cells[2].trim())))
                        .as("a label listed twice: %s", line).isNull();
            }
        }
        return tables;
    }

    private static String normalized(String text) {
        return text.replace("&#39;", "'").replace('’', '\'');
    }

    private static boolean isAsciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean isNoBreak(char c) {
        return c == '\u00a0' || c == '\u202f';
    }
}
