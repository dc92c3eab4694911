package com.campaignops.ka05406.diagnosis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowPatternTest {

    @ParameterizedTest(name = "{0} matches mcSynch_*: {1}")
    @CsvSource(textBlock = """
            mcSynch_mcExec1,   true
            mcSynch_mcExec,    true
            MCSYNCH_MCEXEC1,   true
            mcsynch_rt_prod,   true
            mcSynch_,          true
            mcSync_mcExec,     false
            mcSynch,           false
            xmcSynch_mcExec1,  false
            tracking,          false
            agg_messageCenter_full, false
            """)
    void defaultPattern_matchesSynchronizationWorkflows_regardlessOfCase(String workflow, boolean expected) {
        assertThat(new WorkflowPattern(List.of("mcSynch_*")).matches(workflow)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} matches mcSynch_mcExec?, custom.*: {1}")
    @CsvSource(textBlock = """
            mcSynch_mcExec1,    true
            mcSynch_mcExec12,   false
            custom.sync,        true
            customXsync,        false
            """)
    void globs_knowOnlyStarAndQuestionMark_andTakeEveryOtherCharacterLiterally(String workflow, boolean expected) {
        assertThat(new WorkflowPattern(List.of("mcSynch_mcExec?", "custom.*")).matches(workflow)).isEqualTo(expected);
    }

    @Test
    void noWorkflow_matchesNothing() {
        assertThat(new WorkflowPattern(List.of("*")).matches(null)).isFalse();
    }

    @Test
    void pattern_describesItselfByItsGlobs() {
        assertThat(new WorkflowPattern(List.of("mcSynch_*", "mcSync_*"))).hasToString("mcSynch_*, mcSync_*");
    }

    @Test
    void handMatching_agreesWithTheGlobReadAsARegex_onGeneratedNames() {
        // The regex the matcher replaced: * is .*, ? is ., the rest quoted, ASCII case-insensitive; taken by code
        // point (the old regex quoted each half of a surrogate pair apart, so an emoji in a glob matched nothing).
        Random random = new Random(5406);
        String[] alphabet = {"m", "c", "S", "Y", "N", "h", "_", "*", "?", ".", "\n", "X", "x", "1", "\uD83D\uDE00",
                "\uDE00"};
        for (int i = 0; i < 20_000; i++) {
            String glob = randomText(random, alphabet, 6);
            String name = randomText(random, alphabet, 8).replace("*", "").replace("?", "");
            Pattern regex = Pattern.compile(glob.codePoints().mapToObj(c -> switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(Character.toString(c));
            }).collect(Collectors.joining()), Pattern.CASE_INSENSITIVE);

            assertThat(new WorkflowPattern(List.of(glob)).matches(name))
                    .as("glob '%s' on '%s'", glob, name)
                    .isEqualTo(regex.matcher(name).matches());
        }
    }

    private static String randomText(Random random, String[] alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(maxLength + 1); n > 0; n--) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }
}
