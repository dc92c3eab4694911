package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.notification.JournalEntry;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.signature.LogonSignature;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the error and its time when the notification leaves one out, the way the article tells the
 * operator to: by reading the workflow's journal.
 */
final class FailureLocator {

    /** The error to judge and when it happened; {@code origin} says where each came from. */
    record Located(String error, Instant failedAt, String origin) {
    }

    /**
     * How far apart the lines of one failed run can be: the Logon error and the script and workflow errors
     * it causes are logged within seconds, and the previous run of an hourly workflow is an hour away.
     */
    private static final Duration RUN_SPAN = Duration.ofMinutes(5);

    private final LogonSignature signature;

    FailureLocator(LogonSignature signature) {
        this.signature = signature;
    }

    Located locate(Notification notification) {
        List<JournalEntry> logs = notification.logs();
        if (notification.error() != null) {
            if (notification.failedAt() != null || logs.isEmpty()) {
                return new Located(notification.error(), notification.failedAt(), null);
            }
            String error = notification.error();
            boolean errorIsSignature = signature.matchesSignature(error);
            // A blank message is contained in every error: it must not lend its time.
            Optional<JournalEntry> line = latest(logs, e -> e.loggedAt() != null && !e.message().isBlank()
                    && (e.message().contains(error) || error.contains(e.message())
                    || errorIsSignature && signature.matchesSignature(e.message())));
            return line.map(e -> new Located(error, e.loggedAt(), "failure time taken from the journal line logged at "
                            + e.loggedAt()))
                    .orElse(new Located(error, null, null));
        }
        Optional<JournalEntry> line = errorOfTheFailedRun(logs, notification.failedAt());
        return line.map(e -> new Located(e.message(),
                        notification.failedAt() != null ? notification.failedAt() : e.loggedAt(),
                        "error taken from the journal"
                                + (e.loggedAt() == null ? "" : " line logged at " + e.loggedAt())))
                .orElse(new Located(null, notification.failedAt(), null));
    }

    /**
     * The error of the run the notification is about: the run at {@code failedAt}, else the latest failed run.
     * Within that run the Logon signature wins over the script and workflow errors that follow it; an older
     * run's signature does not speak for a later failure.
     */
    private Optional<JournalEntry> errorOfTheFailedRun(List<JournalEntry> logs, Instant failedAt) {
        Predicate<JournalEntry> isSignature = e -> signature.matchesSignature(e.message());
        Predicate<JournalEntry> isError = isSignature.or(JournalEntry::isError);
        Instant runTime = failedAt != null ? failedAt
                : latest(logs, isError).map(JournalEntry::loggedAt).orElse(null);
        // Untimed lines cannot be placed in a run; they are taken as the caller's excerpt of this one.
        Instant runStart = runTime == null ? null : runTime.minus(RUN_SPAN);
        Instant runEnd = runTime == null ? null : runTime.plus(RUN_SPAN);
        Predicate<JournalEntry> inRun = e -> runTime == null || e.loggedAt() == null
                || !e.loggedAt().isBefore(runStart) && !e.loggedAt().isAfter(runEnd);
        return latest(logs, inRun.and(isSignature)).or(() -> latest(logs, inRun.and(isError)));
    }

    /** The most recent matching line: by time when lines have one, else the last one sent. */
    private static Optional<JournalEntry> latest(List<JournalEntry> logs, Predicate<JournalEntry> wanted) {
        List<JournalEntry> matching = logs.stream().filter(wanted).toList();
        Optional<JournalEntry> timed = matching.stream().filter(e -> e.loggedAt() != null)
                .max(Comparator.comparing(JournalEntry::loggedAt));
        return timed.isPresent() || matching.isEmpty() ? timed : Optional.of(matching.get(matching.size() - 1));
    }
}
