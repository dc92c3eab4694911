package com.campaignops.ka05406.notification;

import java.util.List;
import java.util.stream.Collectors;

/** The input cannot be read as a notification; carries every problem found, not just the first. */
public final class InvalidNotificationException extends RuntimeException {

    private final List<Problem> problems;

    public InvalidNotificationException(List<Problem> problems) {
        // No stack trace: this is the caller's mistake, reported back to the caller, never a crash.
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public InvalidNotificationException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
