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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.SortedSet;
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
     * @param signatureTimes when this workflow's journal lines with the signature were logged
     */
    record Located(String error, Instant failedAt, String origin, List<String> notes, JournalEntry laterFailedRun,
                   SortedSet<Instant> signatureTimes, Recognition recognition) {
    }

    /** The error judged, before what the journal says of it is added. */
    private record Found(String error, Instant failedAt, String origin, JournalEntry laterFailedRun) {
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
    /**
     * Texts that only say a workflow failed, not why: the default supervisor mail ("Notification to a workflow
     * supervisor") and the monitoring page's "Workflow failed:" line, in the console's languages (English, German
     * and Japanese as the localized docs show them; French as a translation would read). They are not the error,
     * and taking them for one would wrongly rule KA-05406 out; the error is in the workflow's journal. Looked for
     * with indexOf, not a regex: this runs for every journal line, and an alternation without a literal prefix is
     * tried at every position.
     */
    private static final List<String> NOTICE_PHRASES = List.of("workflow failed",
            "an error occurred on the workflow instance", "requires a manual intervention", "ein fehler aufgetreten",
            "erfordert einen manuellen eingriff", "でエラーが発生しました", "手動の介入が必要",
            "une erreur s'est produite sur l'instance de workflow", "intervention manuelle");

    private final LogonSignature signature = new LogonSignature();
    private final WorkflowMentions mentions;

    FailureLocator(WorkflowPattern workflows) {
        this.mentions = new WorkflowMentions(workflows);
    }

    /**
     * A journal line of this workflow, judged once: the searches below read these flags, not the text again.
     *
     * @param asSignature the line's recognition when it holds the signature, else {@code null}
     */
    private record Line(JournalEntry entry, boolean notice, boolean error, Recognition asSignature) {
        Instant loggedAt() {
            return entry.loggedAt();
        }

        boolean signature() {
            return asSignature != null;
        }
    }

    Located locate(Notification notification, Messages messages) {
        List<String> notes = new ArrayList<>();
        List<Line> logs = linesOf(notification, notes, messages);
        Found found = locateError(notification, messages, notes, logs);
        SortedSet<Instant> signatureTimes = new TreeSet<>();
        // What the error is: the verdict of a journal line with the same text (most often its source), else read now.
        Recognition recognition = null;
        for (Line line : logs) {
            if (line.signature() && line.loggedAt() != null) {
                signatureTimes.add(line.loggedAt());
            }
            if (recognition == null && line.signature() && line.entry().message().equals(found.error())) {
                recognition = line.asSignature();
            }
        }
        return new Located(found.error(), found.failedAt(), found.origin(), notes, found.laterFailedRun(),
                signatureTimes, recognition != null ? recognition : signature.recognise(found.error()));
    }

    private Found locateError(Notification notification, Messages messages, List<String> notes, List<Line> logs) {
        String error = notification.error();
        String lowerCaseError = error == null ? null : error.toLowerCase(Locale.ROOT);
        boolean notices = false;
        for (Line line : logs) {
            notices |= line.notice();
        }
        if (error != null && isNotice(lowerCaseError)) {
            notices = true;
            error = null;
        }
        if (notices) {
            notes.add(messages.get("journal.notice"));
        }
        List<String> named = error == null ? List.of() : mentions.namedIn(error, lowerCaseError);
        if (!WorkflowMentions.belongsTo(named, notification.workflow())) {
            notes.add(messages.get("journal.errorOfOtherWorkflow", messages.commaList(named), notification.workflow()));
            error = null;
        }
        if (error != null) {
            return locateGivenError(error, notification.failedAt(), logs, messages);
        }
        Optional<JournalEntry> line = errorOfTheFailedRun(logs, notification.failedAt()).map(Line::entry);
        Instant failedAt = notification.failedAt() != null ? notification.failedAt()
                : line.map(JournalEntry::loggedAt).orElse(null);
        return line.map(e -> new Found(e.message(), failedAt, e.loggedAt() == null
                        ? messages.get("journal.errorFromJournal")
                        : messages.get("journal.errorFromLine", e.loggedAt()), laterFailure(logs, failedAt)))
                .orElse(new Found(null, notification.failedAt(), null, null));
    }

    private Found locateGivenError(String error, Instant failedAt, List<Line> logs, Messages messages) {
        if (failedAt != null || logs.isEmpty()) {
            return new Found(error, failedAt, null, laterFailure(logs, failedAt));
        }
        boolean errorIsSignature = signature.signatureIn(error) != null;
        // A blank message is contained in every error: it must not lend its time.
        Optional<JournalEntry> line = latest(logs, l -> l.loggedAt() != null && !l.entry().message().isBlank()
                && (l.entry().message().contains(error) || error.contains(l.entry().message())
                || errorIsSignature && l.signature())).map(Line::entry);
        return line.map(e -> new Found(error, e.loggedAt(), messages.get("journal.timeFromLine", e.loggedAt()),
                        laterFailure(logs, e.loggedAt())))
                .orElse(new Found(error, null, null, null));
    }

    /**
     * This workflow's lines: those naming another workflow are left out, and the evidence says so; it also says what
     * of them could not be read, so that no sentence claims the absence of what was not seen.
     */
    private List<Line> linesOf(Notification notification, List<String> notes, Messages messages) {
        List<Line> ours = new ArrayList<>(notification.logs().size());
        Set<String> others = new LinkedHashSet<>();
        int noLevel = 0;
        int noTime = 0;
        for (JournalEntry entry : notification.logs()) {
            String lower = entry.message().toLowerCase(Locale.ROOT);
            List<String> named = mentions.namedIn(entry.message(), lower);
            if (WorkflowMentions.belongsTo(named, notification.workflow())) {
                boolean notice = isNotice(lower);
                ours.add(new Line(entry, notice, !notice && isError(entry), signature.signatureIn(entry.message())));
                noLevel += entry.level() == JournalEntry.Level.UNKNOWN ? 1 : 0;
                noTime += entry.loggedAt() == null ? 1 : 0;
            } else {
                others.addAll(named);
            }
        }
        int leftOut = notification.logs().size() - ours.size();
        if (leftOut > 0) {
            String named = messages.commaList(List.copyOf(others));
            notes.add(leftOut == 1 ? messages.get("journal.leftOut.one", named)
                    : messages.get("journal.leftOut.many", leftOut, named));
        }
        if (noLevel > 0) {
            notes.add(messages.get("journal.noLevel", noLevel, ours.size()));
        }
        if (noTime > 0) {
            notes.add(messages.get("journal.noTime", noTime, ours.size()));
        }
        return ours;
    }

    private static boolean isNotice(String lowerCaseText) {
        for (String phrase : NOTICE_PHRASES) {
            if (lowerCaseText.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /** An error by its level; a line whose level could not be read, by its text. */
    private boolean isError(JournalEntry entry) {
        return switch (entry.level()) {
            case ERROR -> true;
            case WARNING, INFO -> false;
            case UNKNOWN -> ERROR_CODE.matcher(entry.message()).find() || ERROR_WORD.matcher(entry.message()).find()
                    || signature.recognise(entry.message()).kind() != Recognition.Kind.OTHER;
        };
    }

    /** A failed run of this workflow after the run at {@code runTime}: its latest error line, or {@code null}. */
    private JournalEntry laterFailure(List<Line> logs, Instant runTime) {
        if (runTime == null) {
            return null;
        }
        Instant runEnd = runTime.plus(RUN_SPAN);
        Optional<Line> later = latest(logs, l -> l.loggedAt() != null && l.loggedAt().isAfter(runEnd) && l.error());
        // A later run that failed with the signature too is the same issue recurring, not another cause.
        return later.filter(last -> logs.stream().noneMatch(l -> l.signature() && l.loggedAt() != null
                        && !l.loggedAt().isBefore(last.loggedAt().minus(RUN_SPAN))
                        && !l.loggedAt().isAfter(last.loggedAt().plus(RUN_SPAN))))
                .map(Line::entry).orElse(null);
    }

    /**
     * The error of the run the notification is about: the run at {@code failedAt}, else the latest failed run.
     * Within that run the Logon signature wins over other Logon failures, and those over the script and
     * workflow errors that follow them; an older run's signature does not speak for a later failure.
     */
    private Optional<Line> errorOfTheFailedRun(List<Line> logs, Instant failedAt) {
        Predicate<Line> isError = l -> l.signature() || l.error();
        Instant runTime = failedAt != null ? failedAt
                : latest(logs, l -> l.loggedAt() != null && isError.test(l)).map(Line::loggedAt).orElse(null);
        // Untimed lines cannot be placed in a run; they are taken as the caller's excerpt of this one.
        Instant runStart = runTime == null ? null : runTime.minus(RUN_SPAN);
        Instant runEnd = runTime == null ? null : runTime.plus(RUN_SPAN);
        Predicate<Line> inRun = l -> runTime == null || l.loggedAt() == null
                || !l.loggedAt().isBefore(runStart) && !l.loggedAt().isAfter(runEnd);
        Predicate<Line> isLogonFailure = l -> l.error() && signature.recognise(l.entry().message()).couldBeSignature();
        return latest(logs, inRun.and(Line::signature))
                .or(() -> latest(logs, inRun.and(isLogonFailure)))
                .or(() -> latest(logs, inRun.and(isError)));
    }

    /** The most recent matching line: by time when lines have one, else the last one sent. */
    private static Optional<Line> latest(List<Line> logs, Predicate<Line> wanted) {
        Line latestTimed = null;
        Line lastUntimed = null;
        for (Line l : logs) {
            if (!wanted.test(l)) {
                continue;
            }
            if (l.loggedAt() == null) {
                lastUntimed = l;
            } else if (latestTimed == null || l.loggedAt().isAfter(latestTimed.loggedAt())) {
                latestTimed = l;
            }
        }
        return Optional.ofNullable(latestTimed != null ? latestTimed : lastUntimed);
    }
}
