package com.campaignops.ka05406.signature;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A pattern whose every match begins with one of a few fixed literals (kept in step with it by hand), so a
 * search may start where the earliest of them occurs, and need not run at all where none does. Java's regex
 * search only skips ahead quickly for a pattern that starts with fixed text, which alternations do not.
 */
record AnchoredPattern(Pattern pattern, List<String> literals) {

    AnchoredPattern(String regex, String... literals) {
        this(Pattern.compile(regex), List.of(literals));
    }

    /** Where the earliest of {@link #literals} occurs in {@code text}, or -1: where a match can start at the earliest. */
    int earliestLiteralIn(String text) {
        int earliest = -1;
        for (String literal : literals) {
            int at = text.indexOf(literal);
            if (at >= 0 && (earliest < 0 || at < earliest)) {
                earliest = at;
            }
        }
        return earliest;
    }

    /** @param from where the earliest of {@link #literals} occurs in {@code text}, or -1 */
    boolean foundIn(String text, int from) {
        return from >= 0 && pattern.matcher(text).find(from);
    }
}
