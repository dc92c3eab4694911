package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.JournalEntry;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.signature.LogonSignature;
import com.campaignops.ka05406.signature.Recognition;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the error and its time when the notification leaves one out, the way the article tells the
 * operator to: by reading the workflow's journal, this workflow's lines only, and its latest failed run.
 */
final class FailureLocator {

    /**
     * The error to judge and when it happened.
     *
     * @param origin         a sentence saying where the error or its time came from, or {@code null} if the
     *                       notification said
     * @param notes          what the reader should know about the journal: lines left out, lines it could not read
     * @param laterFailedRun a failed run of this workflow later than the one judged, or {@code null}: then the
     *                       error judged is not the latest failure and cannot be promised as its cause
     */
    record Located(String error, Instant failedAt, String origin, List<String> notes, JournalEntry laterFailedRun) {
    }

    /**
     * How far apart the lines of one failed run can be: the Logon error and the script and workflow errors
     * it causes are logged within seconds, and the previous run of an hourly workflow is an hour away.
     */
    private static final Duration RUN_SPAN = Duration.ofMinutes(5);
    /** Campaign error codes: three letters, a hyphen, six digits (SOP-330011, XSV-350008, WKF-560038). */
    private static final Pattern ERROR_CODE = Pattern.compile("\\b[A-Z]{3}-\\d{6}\\b");
    /** How an error message opens when its level column was lost, in the console's languages. */
    private static final Pattern ERROR_WORD = Pattern.compile(
            "(?iu)^(?:error|erreur|fehler|errore|fel|エラー)\\b|\\b(?:failed|échec|fehlgeschlagen|non riuscit)");

    private final LogonSignature signature;
    private final WorkflowMentions mentions;

    FailureLocator(LogonSignature signature, WorkflowMentions mentions) {
        this.signature = signature;
        this.mentions = mentions;
    }

    Located locate(Notification notification) {
        return locate(notification, Messages.english());
    }

    Located locate(Notification notification, Messages messages) {
        List<String> notes = new ArrayList<>();
        List<JournalEntry> logs = linesOf(notification, notes, messages);
        describeUnreadable(logs, notes, messages);
        String error = notification.error();
        long notices = logs.stream().filter(e -> FailureNotices.isNotice(e.message())).count();
        if (error != null && FailureNotices.isNotice(error)) {
            notices++;
            error = null;
        }
        if (notices > 0) {
            notes.add(messages.get("journal.notice"));
        }
        if (error != null && !mentions.belongsTo(error, notification.workflow())) {
            notes.add(messages.get("journal.errorOfOtherWorkflow", messages.commaList(List.copyOf(mentions.namedIn(error))),
                    notification.workflow()));
            error = null;
        }
        if (error != null) {
            return locateGivenError(error, notification.failedAt(), logs, notes, messages);
        }
        Optional<JournalEntry> line = errorOfTheFailedRun(logs, notification.failedAt());
        Instant failedAt = notification.failedAt() != null ? notification.failedAt()
                : line.map(JournalEntry::loggedAt).orElse(null);
        return line.map(e -> new Located(e.message(), failedAt, e.loggedAt() == null
                        ? messages.get("journal.errorFromJournal") : messages.get("journal.errorFromLine", e.loggedAt()),
                        notes, laterFailure(logs, failedAt).orElse(null)))
                .orElse(new Located(null, notification.failedAt(), null, notes, null));
    }

    private Located locateGivenError(String error, Instant failedAt, List<JournalEntry> logs, List<String> notes,
                                     Messages messages) {
        if (failedAt != null || logs.isEmpty()) {
            return new Located(error, failedAt, null, notes, laterFailure(logs, failedAt).orElse(null));
        }
        boolean errorIsSignature = signature.matchesSignature(error);
        // A blank message is contained in every error: it must not lend its time.
        Optional<JournalEntry> line = latest(logs, e -> e.loggedAt() != null && !e.message().isBlank()
                && (e.message().contains(error) || error.contains(e.message())
                || errorIsSignature && signature.matchesSignature(e.message())));
        return line.map(e -> new Located(error, e.loggedAt(), messages.get("journal.timeFromLine", e.loggedAt()),
                        notes, laterFailure(logs, e.loggedAt()).orElse(null)))
                .orElse(new Located(error, null, null, notes, null));
    }

    /** This workflow's lines: those naming another workflow are left out, and the evidence says so. */
    private List<JournalEntry> linesOf(Notification notification, List<String> notes, Messages messages) {
        List<JournalEntry> ours = new ArrayList<>(notification.logs().size());
        Set<String> others = new LinkedHashSet<>();
        int leftOut = 0;
        for (JournalEntry entry : notification.logs()) {
            if (mentions.belongsTo(entry.message(), notification.workflow())) {
                ours.add(entry);
            } else {
                leftOut++;
                others.addAll(mentions.namedIn(entry.message()));
            }
        }
        if (leftOut > 0) {
            String named = messages.commaList(List.copyOf(others));
            notes.add(leftOut == 1 ? messages.get("journal.leftOut.one", named)
                    : messages.get("journal.leftOut.many", leftOut, named));
        }
        return ours;
    }

    /** Says what could not be read, so that no sentence claims the absence of what was not seen. */
    private void describeUnreadable(List<JournalEntry> logs, List<String> notes, Messages messages) {
        long noLevel = logs.stream().filter(e -> e.level() == JournalEntry.Level.UNKNOWN).count();
        long noTime = logs.stream().filter(e -> e.loggedAt() == null).count();
        if (noLevel > 0) {
            notes.add(messages.get("journal.noLevel", noLevel, logs.size()));
        }
        if (noTime > 0) {
            notes.add(messages.get("journal.noTime", noTime, logs.size()));
        }
    }

    /** An error by its level; a line whose level could not be read, by its text. */
    boolean isError(JournalEntry entry) {
        if (FailureNotices.isNotice(entry.message())) {
            return false;
        }
        return switch (entry.level()) {
            case ERROR -> true;
            case WARNING, INFO -> false;
            case UNKNOWN -> readsAsError(entry.message());
        };
    }

    private boolean readsAsError(String message) {
        return ERROR_CODE.matcher(message).find() || ERROR_WORD.matcher(message).find()
                || signature.recognise(message).kind() != Recognition.Kind.OTHER;
    }

    /** A failed run of this workflow after the run at {@code runTime}: its latest error line. */
    private Optional<JournalEntry> laterFailure(List<JournalEntry> logs, Instant runTime) {
        if (runTime == null) {
            return Optional.empty();
        }
        Instant runEnd = runTime.plus(RUN_SPAN);
        Optional<JournalEntry> later = latest(logs, e -> e.loggedAt() != null && e.loggedAt().isAfter(runEnd) && isError(e));
        // A later run that failed with the signature too is the same issue recurring, not another cause.
        return later.filter(l -> logs.stream().noneMatch(e -> e.loggedAt() != null
                && !e.loggedAt().isBefore(l.loggedAt().minus(RUN_SPAN)) && !e.loggedAt().isAfter(l.loggedAt().plus(RUN_SPAN))
                && signature.matchesSignature(e.message())));
    }

    /**
     * The error of the run the notification is about: the run at {@code failedAt}, else the latest failed run.
     * Within that run the Logon signature wins over the script and workflow errors that follow it; an older
     * run's signature does not speak for a later failure.
     */
    private Optional<JournalEntry> errorOfTheFailedRun(List<JournalEntry> logs, Instant failedAt) {
        Predicate<JournalEntry> isSignature = e -> signature.matchesSignature(e.message());
        Predicate<JournalEntry> isError = isSignature.or(this::isError);
        Instant runTime = failedAt != null ? failedAt
                : latest(logs, e -> e.loggedAt() != null && isError.test(e)).map(JournalEntry::loggedAt).orElse(null);
        // Untimed lines cannot be placed in a run; they are taken as the caller's excerpt of this one.
        Instant runStart = runTime == null ? null : runTime.minus(RUN_SPAN);
        Instant runEnd = runTime == null ? null : runTime.plus(RUN_SPAN);
        Predicate<JournalEntry> inRun = e -> runTime == null || e.loggedAt() == null
                || !e.loggedAt().isBefore(runStart) && !e.loggedAt().isAfter(runEnd);
        Predicate<JournalEntry> isLogonFailure = e -> isError(e) && signature.recognise(e.message()).couldBeSignature();
        return latest(logs, inRun.and(isSignature))
                .or(() -> latest(logs, inRun.and(isLogonFailure)))
                .or(() -> latest(logs, inRun.and(isError)));
    }

    /** The most recent matching line: by time when lines have one, else the last one sent. */
    private static Optional<JournalEntry> latest(List<JournalEntry> logs, Predicate<JournalEntry> wanted) {
        JournalEntry latestTimed = null;
        JournalEntry lastUntimed = null;
        for (JournalEntry e : logs) {
            if (!wanted.test(e)) {
                continue;
            }
            if (e.loggedAt() == null) {
                lastUntimed = e;
            } else if (latestTimed == null || e.loggedAt().isAfter(latestTimed.loggedAt())) {
                latestTimed = e;
            }
        }
        return Optional.ofNullable(latestTimed != null ? latestTimed : lastUntimed);
    }
}
