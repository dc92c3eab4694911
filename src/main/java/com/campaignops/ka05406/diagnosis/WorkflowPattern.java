package com.campaignops.ka05406.diagnosis;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which workflows are Message Center synchronization workflows: globs such as {@code mcSynch_*},
 * matched without regard to case because operators type internal names by hand.
 */
public final class WorkflowPattern {

    private final List<String> globs;
    private final List<Pattern> patterns;

    public WorkflowPattern(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.patterns = globs.stream().map(WorkflowPattern::compile).toList();
    }

    public boolean matches(String workflow) {
        return workflow != null && patterns.stream().anyMatch(p -> p.matcher(workflow).matches());
    }

    @Override
    public String toString() {
        return String.join(", ", globs);
    }

    private static Pattern compile(String glob) {
        String regex = glob.chars().mapToObj(c -> switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(Character.toString(c));
        }).collect(Collectors.joining());
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
}
