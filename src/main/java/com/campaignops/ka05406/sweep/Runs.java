package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.campaign.CampaignJournal.Line;
import com.campaignops.ka05406.notification.JournalEntry;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.signature.LogonSignature;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Groups journal lines into runs, and tells error lines. {@code logType} 0 as "error" is LIKELY, not
 * confirmed by Adobe, so the level is a hint: the Logon signature, or a Campaign error code or the word
 * "error" in a line that is not info (2), make an error line too. A failed run becomes a {@link Notification} here
 * and nowhere else.
 */
public final class Runs {

    /**
     * One run of a workflow, as its journal shows it: lines close together in time.
     *
     * @param start       the first line's time: when the run started
     * @param failed      whether any line is an error (by its level, or by its text)
     * @param signatureAt when the run logged KA-05406's signature, or {@code null}
     */
    public record Run(Instant start, List<Line> lines, boolean failed, Instant signatureAt) {

        public Run {
            lines = List.copyOf(lines);
        }
    }

    /** Campaign error codes as they open a message: SOP-330011, XSV-350012, SCR-160012… */
    private static final Pattern CODE = Pattern.compile("^[A-Z]{3}-\\d{6}\\b.*", Pattern.DOTALL);

    private final LogonSignature signature = new LogonSignature();
    private final Duration gap;

    /** @param gap lines further apart than this start a new run */
    public Runs(Duration gap) {
        this.gap = gap;
    }

    /** @param lines in any order; the runs come oldest first */
    public List<Run> group(List<Line> lines) {
        List<Line> sorted = lines.stream().sorted(Comparator.comparing(Line::logDate)).toList();
        List<Run> runs = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        for (Line line : sorted) {
            if (!current.isEmpty() && (isRunStart(line.message())
                    || Duration.between(current.get(current.size() - 1).logDate(), line.logDate()).compareTo(gap) > 0)) {
                runs.add(run(current));
                current = new ArrayList<>();
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            runs.add(run(current));
        }
        return runs;
    }

    private boolean isSignature(Line line) {
        return signature.signatureIn(line.message()) != null;
    }

    public boolean isError(Line line) {
        if (line.logType() == 0 || isSignature(line)) {
            return true;
        }
        String message = line.message().strip();
        return line.logType() != 2
                && (CODE.matcher(message).matches() || message.toLowerCase(Locale.ROOT).contains("error"));
    }

    /**
     * The failed run as a notification, so the sweep is diagnosed by the same core as a notification sent to the
     * function. Only the journal is given (no error, no failure time): the core finds the error and its time in the
     * run as it does in a notification's {@code logs}.
     *
     * @param timeZone the control instance's zone, for the recommendation (journal times are UTC)
     */
    Notification notification(String workflow, String instance, Run run, ZoneId timeZone) {
        List<JournalEntry> logs = run.lines().stream()
                .map(line -> new JournalEntry(line.logDate(), level(line), line.message())).toList();
        return new Notification(workflow, null, instance, null, null, logs, timeZone, null, null, null);
    }

    private JournalEntry.Level level(Line line) {
        return isError(line) ? JournalEntry.Level.ERROR : switch (line.logType()) {
            case 1 -> JournalEntry.Level.WARNING;
            case 2 -> JournalEntry.Level.INFO;
            default -> JournalEntry.Level.UNKNOWN;
        };
    }

    private Run run(List<Line> lines) {
        Instant signatureAt = lines.stream().filter(this::isSignature).findFirst().map(Line::logDate).orElse(null);
        return new Run(lines.get(0).logDate(), lines, lines.stream().anyMatch(this::isError), signatureAt);
    }

    /** "Workflow 'mcSynch_x' is being run" (seen in real journals): a run's first line. */
    private static boolean isRunStart(String message) {
        return message.startsWith("Workflow '") && message.endsWith("' is being run");
    }
}
