package com.campaignops.ka05406.signature;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiteralScannerTest {

    private static final List<AnchoredPattern> PATTERNS = List.of(
            new AnchoredPattern("xtk", "xtk"),
            new AnchoredPattern("logon|log in", "logon", "log in"),
            new AnchoredPattern("session |sessione", "session ", "sessione"),
            new AnchoredPattern("ss", "ss"));

    @Test
    void eachPattern_getsTheEarliestIndexOfAnyOfItsLiterals_asIndexOfWouldFindIt() {
        LiteralScanner scanner = new LiteralScanner(PATTERNS);
        Random random = new Random(5406);
        String[] pieces = {"xtk", "xt", "logon", "log in", "lo", "session ", "sessione", "sess", "s", " ", "é", "\u2019",
                "k", "ss"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }

            int[] earliest = scanner.earliest(text.toString());

            for (int p = 0; p < PATTERNS.size(); p++) {
                assertThat(earliest[p]).as("pattern %d in '%s'", p, text)
                        .isEqualTo(earliestByIndexOf(text.toString(), PATTERNS.get(p).literals()));
            }
        }
    }

    @Test
    void literalThatIsNotAsciiOrShorterThanTwoCharacters_isRefusedWhenBuilt() {
        assertThatThrownBy(() -> new LiteralScanner(List.of(new AnchoredPattern("x", "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LiteralScanner(List.of(new AnchoredPattern("rü", "rü"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int earliestByIndexOf(String text, List<String> literals) {
        return literals.stream().mapToInt(text::indexOf).filter(i -> i >= 0).min().orElse(-1);
    }
}
