package com.campaignops.ka05406.realistic;

import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.notification.InvalidNotificationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every input of the realistic corpus gets the verdict its file states, and every file says where it came from. */
class RealisticInputsTest {

    static final Path CORPUS = Path.of("src/test/resources/realistic");

    static List<RealisticCase> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().map(RealisticCase::load).toList();
        }
    }

    @Test
    void corpusHoldsAtLeastFortyInputs_eachWithItsSourceAndExpectedVerdict() throws IOException {
        List<RealisticCase> cases = corpus();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases).allSatisfy(c -> {
            assertThat(c.source()).as(c.name()).isNotBlank();
            assertThat(c.expected()).as(c.name()).isIn("MATCH", "NO_MATCH", "INCONCLUSIVE", "INVALID_INPUT");
        });
        assertThat(cases).extracting(RealisticCase::expected).contains("MATCH", "NO_MATCH", "INCONCLUSIVE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void realisticInput_getsTheVerdictTheRuleGives(RealisticCase input) {
        if (input.expected().equals("INVALID_INPUT")) {
            assertThatThrownBy(input::diagnose).as(input.name()).isInstanceOf(InvalidNotificationException.class);
            return;
        }
        Diagnosis diagnosis = input.diagnose();

        assertThat(diagnosis.verdict().name())
                .as("%s (%s)%nevidence: %s", input.name(), input.why(), String.join("\n  ", diagnosis.evidence()))
                .isEqualTo(input.expected());
        if (diagnosis.verdict().name().equals("MATCH")) {
            assertThat(diagnosis.recommendation()).as(input.name()).isNotNull();
        }
    }
}
