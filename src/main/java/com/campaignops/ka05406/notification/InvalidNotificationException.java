package com.campaignops.ka05406.notification;

import java.util.List;
import java.util.stream.Collectors;

/** The input cannot be read as a notification; carries every problem found, not just the first. */
public final class InvalidNotificationException extends RuntimeException {

    private final List<Problem> problems;
    private final boolean tooLarge;

    public InvalidNotificationException(List<Problem> problems) {
        this(problems, false);
    }

    public InvalidNotificationException(String field, String message) {
        this(List.of(new Problem(field, message)));
    }

    private InvalidNotificationException(List<Problem> problems, boolean tooLarge) {
        // No stack trace: this is the caller's mistake, reported back to the caller, never a crash.
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")), null, false, false);
        this.problems = List.copyOf(problems);
        this.tooLarge = tooLarge;
    }

    /** The input is well formed but over a configured size limit (HTTP 413 rather than 400). */
    public static InvalidNotificationException tooLarge(String field, String message) {
        return new InvalidNotificationException(List.of(new Problem(field, message)), true);
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
