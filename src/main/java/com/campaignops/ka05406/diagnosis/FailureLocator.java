package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.notification.JournalEntry;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.signature.LogonSignature;

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
            boolean errorIsSignature = signature.recognise(error).matchesSignature();
            // A blank message is contained in every error: it must not lend its time.
            Optional<JournalEntry> line = latest(logs, e -> e.loggedAt() != null && !e.message().isBlank()
                    && (e.message().contains(error) || error.contains(e.message())
                    || errorIsSignature && signature.recognise(e.message()).matchesSignature()));
            return line.map(e -> new Located(error, e.loggedAt(), "failure time taken from the journal line logged at "
                            + e.loggedAt()))
                    .orElse(new Located(error, null, null));
        }
        Optional<JournalEntry> line = latest(logs, e -> signature.recognise(e.message()).matchesSignature())
                .or(() -> latest(logs, JournalEntry::isError));
        return line.map(e -> new Located(e.message(),
                        notification.failedAt() != null ? notification.failedAt() : e.loggedAt(),
                        "error taken from the journal" + (e.loggedAt() == null ? "" : " line logged at " + e.loggedAt())))
                .orElse(new Located(null, notification.failedAt(), null));
    }

    /** The most recent matching line: by time when lines have one, else the last one sent. */
    private static Optional<JournalEntry> latest(List<JournalEntry> logs, Predicate<JournalEntry> wanted) {
        List<JournalEntry> matching = logs.stream().filter(wanted).toList();
        Optional<JournalEntry> timed = matching.stream().filter(e -> e.loggedAt() != null)
                .max(Comparator.comparing(JournalEntry::loggedAt));
        return timed.isPresent() || matching.isEmpty() ? timed : Optional.of(matching.get(matching.size() - 1));
    }
}
