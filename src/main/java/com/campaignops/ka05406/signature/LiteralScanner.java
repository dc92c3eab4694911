package com.campaignops.ka05406.signature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each pattern's literals first occur in a text, found in one pass over it. A 5 MB journal was
 * otherwise scanned once per literal (34 {@code indexOf} passes, most for literals that are not there):
 * three quarters of recognising it (bench/README.md).
 */
final class LiteralScanner {

    private static final int ASCII = 128;

    private final int patterns;
    /** Every (literal, pattern) pair, and for each pair of leading ASCII characters the pairs that start so. */
    private final String[] literals;
    private final int[] patternOf;
    private final int[][] byFirstTwo = new int[ASCII * ASCII][];

    LiteralScanner(List<AnchoredPattern> anchored) {
        List<String> allLiterals = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int p = 0; p < anchored.size(); p++) {
            for (String literal : anchored.get(p).literals()) {
                if (literal.length() < 2 || !literal.chars().allMatch(c -> c < ASCII)) {
                    throw new IllegalArgumentException("literals must be ASCII, two characters or more: " + literal);
                }
                allLiterals.add(literal);
                owners.add(p);
            }
        }
        this.patterns = anchored.size();
        this.literals = allLiterals.toArray(String[]::new);
        this.patternOf = owners.stream().mapToInt(Integer::intValue).toArray();
        for (int id = 0; id < literals.length; id++) {
            int key = key(literals[id].charAt(0), literals[id].charAt(1));
            int[] ids = byFirstTwo[key] == null ? new int[0] : byFirstTwo[key];
            ids = Arrays.copyOf(ids, ids.length + 1);
            ids[ids.length - 1] = id;
            byFirstTwo[key] = ids;
        }
    }

    /** For each pattern, in the order given, the earliest index of one of its literals in {@code text}, or -1. */
    int[] earliest(String text) {
        int[] earliest = new int[patterns];
        Arrays.fill(earliest, -1);
        int unfound = patterns;
        for (int i = 0; i + 1 < text.length() && unfound > 0; i++) {
            char first = text.charAt(i);
            char second = text.charAt(i + 1);
            int[] candidates = first < ASCII && second < ASCII ? byFirstTwo[key(first, second)] : null;
            if (candidates == null) {
                continue;
            }
            for (int id : candidates) {
                int pattern = patternOf[id];
                if (earliest[pattern] < 0 && text.startsWith(literals[id], i)) {
                    earliest[pattern] = i;
                    unfound--;
                }
            }
        }
        return earliest;
    }

    private static int key(char first, char second) {
        return first * ASCII + second;
    }
}
