package com.campaignops.ka05406.notification;

import com.campaignops.ka05406.messages.Text;
import com.campaignops.ka05406.time.DateOrder;
import com.campaignops.ka05406.time.TimeReading;
import com.campaignops.ka05406.time.TimestampReader;
import com.campaignops.ka05406.time.CampaignTimestamps;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the notification JSON into a {@link Notification}, or reports every field that is wrong.
 * Unknown fields are ignored, so alerting pipelines can send their own extras.
 *
 * <p>Numeric dates such as {@code 03/04/2025} read day first or month first. The order is, in turn: the
 * notification's {@code dateOrder}, the configured one, the order another date of the same input proves
 * ({@code 27/10/2025}). When nothing settles it, both readings are returned and the caller weighs them.
 */
public final class NotificationReader {

    /** Longest language tag read: BCP 47 tags in use are far shorter. */
    private static final int MAX_LANGUAGE_LENGTH = 64;
    private static final int MAX_INSTANCE_LENGTH = 256;
    /** Campaign v7 and its journals are younger than this; an earlier failedAt is a unit or parsing slip. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Clocks drift and alerts queue, but a failure more than a day ahead is a wrong zone or a typo. */
    private static final Duration LATEST_AHEAD = Duration.ofDays(1);

    private final int maxLogLines;
    private final Clock clock;
    private final DateOrder configuredOrder;
    private final ZoneId configuredInputZone;
    private final WorkflowNames names;

    /**
     * @param maxLogLines         longest {@code logs} list read; a longer one is refused, not cut, so no
     *                            evidence is silently dropped
     * @param configuredOrder     the deployment's date order ({@code restart-check.date-order}), or {@code null}
     * @param configuredInputZone the zone of times written without an offset when the notification gives no
     *                            {@code timeZone} ({@code restart-check.input-time-zone}), or {@code null}
     * @param names               how a workflow's name carries its instance ({@code restart-check.workflow-patterns})
     */
    public NotificationReader(int maxLogLines, Clock clock, DateOrder configuredOrder, ZoneId configuredInputZone,
                              WorkflowNames names) {
        this.maxLogLines = maxLogLines;
        this.clock = clock;
        this.configuredOrder = configuredOrder;
        this.configuredInputZone = configuredInputZone;
        this.names = names;
    }

    public NotificationReader(int maxLogLines, Clock clock) {
        this(maxLogLines, clock, null, null, WorkflowNames.DEFAULT);
    }

    /** The notification, as the only reading. */
    public Notification read(JsonNode json) {
        return readings(json).get(0);
    }

    /**
     * One notification, or two when numeric dates read either way round and nothing settles which: the
     * day-first reading, then the month-first one.
     */
    public List<Notification> readings(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidNotificationException("notification", "expected a JSON object with workflow, failedAt and "
                    + "error, got " + (json == null ? "nothing" : "a JSON " + json.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        JsonNode logsNode = json.get("logs");
        if (logsNode != null && logsNode.isArray() && logsNode.size() > maxLogLines) {
            throw InvalidNotificationException.tooLarge("logs", "has " + logsNode.size() + " lines; at most "
                    + maxLogLines + " are read: send the lines of the failed run, from its start");
        }
        List<Problem> problems = new ArrayList<>();
        Draft draft = new Draft();
        ZoneId given = zone(json.get("timeZone"), "timeZone", problems);
        draft.zone = given != null ? given : configuredInputZone;
        draft.serverZone = zone(json.get("serverTimeZone"), "serverTimeZone", problems);
        draft.givenOrder = dateOrder(json.get("dateOrder"), problems);
        String named = requiredText(json, "workflow", "the workflow's internal name, e.g. mcSynch_mcExec1", problems);
        if (named != null) {
            draft.workflow = names.internalNameOf(named);
            draft.workflowLabel = draft.workflow.equals(named) ? null : named;
        }
        error(json, draft, problems);
        logs(logsNode, draft, problems);
        draft.failedAt = failedAt(json.get("failedAt"), problems);
        draft.instance = instance(json.get("instance"), draft.workflow, problems);
        language(json.get("language"), problems);
        boolean errorOrLogsMisformed = problems.stream()
                .anyMatch(p -> p.field().equals("error") || p.field().startsWith("logs"));
        if (draft.error == null && draft.lines.isEmpty() && !errorOrLogsMisformed) {
            problems.add(new Problem("error", "is required unless logs are given: the error message of the failed run"));
        }
        if (!problems.isEmpty()) {
            // The times' own problems too (a local time without a zone, one in the future), so every bad field is named.
            try {
                draft.build();
            } catch (InvalidNotificationException e) {
                problems.addAll(e.problems());
            }
            throw new InvalidNotificationException(problems);
        }
        return draft.build();
    }

    /** What was read, its times not yet turned into instants: that needs the date order. */
    private final class Draft {
        String workflow;
        String workflowLabel;
        String instance;
        ZoneId zone;
        ZoneId serverZone;
        DateOrder givenOrder;
        String error;
        Timed failedAt;
        final List<Line> lines = new ArrayList<>();

        List<Notification> build() {
            TimeReading ambiguous = firstAmbiguous();
            if (ambiguous == null) {
                return List.of(notification(DateOrder.DMY, null));
            }
            String example = textOf(ambiguous);
            if (givenOrder == DateOrder.DMY || givenOrder == DateOrder.MDY) {
                return List.of(notification(givenOrder, Text.of("dates.given", example, describe(givenOrder))));
            }
            if (configuredOrder == DateOrder.DMY || configuredOrder == DateOrder.MDY) {
                return List.of(notification(configuredOrder, Text.of("dates.configured", example,
                        describe(configuredOrder))));
            }
            TimeReading proof = proofOfOrder();
            if (proof != null) {
                return List.of(notification(proof.shown(), Text.of("dates.proven", example, describe(proof.shown()),
                        textOf(proof))));
            }
            // Nothing settles it: both readings, each checked as a whole; one that cannot be a failure time drops out.
            List<Notification> readings = new ArrayList<>();
            List<Problem> firstProblems = null;
            for (DateOrder order : List.of(DateOrder.DMY, DateOrder.MDY)) {
                try {
                    readings.add(notification(order, Text.of("dates.both", example, describe(order))));
                } catch (InvalidNotificationException e) {
                    firstProblems = firstProblems == null ? e.problems() : firstProblems;
                }
            }
            if (readings.isEmpty()) {
                throw new InvalidNotificationException(firstProblems);
            }
            return readings;
        }

        private Notification notification(DateOrder order, Text datesNote) {
            List<Problem> problems = new ArrayList<>();
            // Unplaced times are read in UTC: a day either way of their real instant, so the plausible range widens.
            Instant latest = clock.instant().plus(LATEST_AHEAD).plus(zone == null ? LATEST_AHEAD : Duration.ZERO);
            String unplaced = null;
            Instant failed = null;
            if (failedAt != null) {
                failed = plausible(failedAt.instant(order, zone), failedAt.field, problems, latest);
                unplaced = failedAt.unplaced(zone);
            }
            List<JournalEntry> entries = new ArrayList<>(lines.size());
            for (Line line : lines) {
                Instant loggedAt = line.time == null ? null
                        : plausible(line.time.instant(order, zone), line.time.field, problems, latest);
                if (unplaced == null && line.time != null) {
                    unplaced = line.time.unplaced(zone);
                }
                entries.add(new JournalEntry(loggedAt, line.level, line.message));
            }
            if (!problems.isEmpty()) {
                throw new InvalidNotificationException(problems);
            }
            return new Notification(workflow, workflowLabel, instance, failed, error, entries, zone, serverZone,
                    unplaced, datesNote);
        }

        private TimeReading firstAmbiguous() {
            if (failedAt != null && failedAt.reading != null && failedAt.reading.ambiguous()) {
                return failedAt.reading;
            }
            for (Line line : lines) {
                if (line.time != null && line.time.reading != null && line.time.reading.ambiguous()) {
                    return line.time.reading;
                }
            }
            return null;
        }

        /** A day-first or month-first date that reads only one way; none if the input holds both kinds. */
        private TimeReading proofOfOrder() {
            List<TimeReading> all = new ArrayList<>();
            if (failedAt != null && failedAt.reading != null) {
                all.add(failedAt.reading);
            }
            lines.stream().filter(l -> l.time != null && l.time.reading != null).forEach(l -> all.add(l.time.reading));
            TimeReading dayFirst = all.stream().filter(r -> r.shown() == DateOrder.DMY).findFirst().orElse(null);
            TimeReading monthFirst = all.stream().filter(r -> r.shown() == DateOrder.MDY).findFirst().orElse(null);
            return dayFirst != null && monthFirst != null ? null : dayFirst != null ? dayFirst : monthFirst;
        }

        private String textOf(TimeReading reading) {
            if (failedAt != null && failedAt.reading == reading) {
                return failedAt.text;
            }
            return lines.stream().filter(l -> l.time != null && l.time.reading == reading).map(l -> l.time.text)
                    .findFirst().orElse("");
        }
    }

    private static Text describe(DateOrder order) {
        return Text.of(order == DateOrder.MDY ? "order.monthFirst" : "order.dayFirst");
    }

    /** A time as given: a reading still to be settled, or an instant (epoch numbers). */
    private record Timed(String field, String text, TimeReading reading, Instant fixed) {
        /** The instant, or with no zone for a time written without an offset, its reading in UTC. */
        Instant instant(DateOrder order, ZoneId zone) {
            return fixed != null ? fixed : reading.instant(order, zone == null ? ZoneOffset.UTC : zone);
        }

        /** The text, when it is a local time and no zone places it; else {@code null}. */
        String unplaced(ZoneId zone) {
            return zone == null && fixed == null && reading.offset() == null ? text : null;
        }
    }

    private record Line(Timed time, JournalEntry.Level level, String message) {
    }

    /** {@code timeZone} or {@code serverTimeZone}: an IANA zone, or a fixed offset such as UTC+02:00. */
    private static ZoneId zone(JsonNode node, String field, List<Problem> problems) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(field, "must be an IANA time zone name such as Europe/Paris"));
            return null;
        }
        try {
            return ZoneId.of(node.asText().strip());
        } catch (DateTimeException e) {
            problems.add(new Problem(field, "'" + node.asText() + "' is not an IANA time zone (e.g. Europe/Paris, UTC)"
                    + " or UTC offset (UTC+02:00)"));
            return null;
        }
    }

    private static DateOrder dateOrder(JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.isTextual() ? node.asText().strip().toUpperCase(Locale.ROOT) : "";
        for (DateOrder order : DateOrder.values()) {
            if (order.name().equals(value)) {
                return order;
            }
        }
        problems.add(new Problem("dateOrder", "must be DMY (27/10/2025), MDY (10/27/2025) or YMD (2025/10/27)"));
        return null;
    }

    private static String requiredText(JsonNode json, String field, String what, List<Problem> problems) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            problems.add(new Problem(field, "is required: " + what));
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(field, "must be a string: " + what));
            return null;
        }
        return MarkupText.plain(node.asText()).strip();
    }

    /** The error; a text of several lines (a digest, a pasted journal) is read line by line, as a journal. */
    private void error(JsonNode json, Draft draft, List<Problem> problems) {
        JsonNode node = json.get("error");
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isTextual()) {
            problems.add(new Problem("error", "must be a string"));
            return;
        }
        String text = MarkupText.plain(node.asText()).strip();
        // Nearly every error is one line: it is not split (this runs for every notification).
        List<String> lines = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.size() <= 1) {
            draft.error = text.isEmpty() ? null : text;
            return;
        }
        if (lines.size() > maxLogLines) {
            // A journal pasted into error is held to the limit of logs: refused, never cut.
            throw InvalidNotificationException.tooLarge("error", "has " + lines.size() + " lines; at most "
                    + maxLogLines + " are read (max-log-lines, as for logs): send the lines of the failed run");
        }
        for (String line : lines) {
            addLine(line, "error", draft, problems);
        }
    }

    private Timed failedAt(JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        try {
            if (node.isNumber()) {
                return new Timed("failedAt", node.asText(), null, node.isFloatingPointNumber()
                        ? CampaignTimestamps.fromFractionalEpoch(node.asDouble()) : CampaignTimestamps.fromEpoch(node.asLong()));
            }
            if (node.isTextual()) {
                return timed("failedAt", node.asText().strip());
            }
            problems.add(new Problem("failedAt", "must be a date-time string such as 2024-06-13T04:00:03Z"));
        } catch (DateTimeException e) {
            problems.add(new Problem("failedAt", e.getMessage()));
        }
        return null;
    }

    private static Timed timed(String field, String text) {
        String plain = MarkupText.plain(text).strip();
        if (plain.length() >= 9 && plain.length() <= 13 && plain.chars().allMatch(Character::isDigit)) {
            return new Timed(field, plain, null, CampaignTimestamps.fromText(plain, null));
        }
        return new Timed(field, plain, TimestampReader.parse(plain), null);
    }

    /** A failure time, given or read from the journal, must fall between 2000 and tomorrow. */
    private static Instant plausible(Instant time, String field, List<Problem> problems, Instant latest) {
        if (time == null) {
            return null;
        }
        if (time.isBefore(EARLIEST)) {
            problems.add(new Problem(field, time + " is before 2000: check the value (seconds or "
                    + "milliseconds since 1970?) and its time zone"));
            return null;
        }
        if (time.isAfter(latest)) {
            problems.add(new Problem(field, time + " is more than a day in the future: check the value "
                    + "and its time zone"));
            return null;
        }
        return time;
    }

    private void logs(JsonNode node, Draft draft, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            problems.add(new Problem("logs", "must be a list of journal lines (strings or {logDate, logType, message})"));
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            String field = "logs[" + i + "]";
            JsonNode item = node.get(i);
            if (item.isTextual()) {
                String text = MarkupText.plain(item.asText());
                if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                    addLine(text, field, draft, problems);
                } else {
                    // One string may hold several lines: a journal pasted whole.
                    text.lines().filter(l -> !l.isBlank()).forEach(line -> addLine(line, field, draft, problems));
                }
            } else if (item.isObject()) {
                entry(item, field, draft, problems);
            } else {
                problems.add(new Problem(field, "must be a string or an object {logDate, logType, message}"));
            }
        }
        if (draft.lines.size() > maxLogLines) {
            throw InvalidNotificationException.tooLarge("logs", "has " + draft.lines.size() + " lines; at most "
                    + maxLogLines + " are read: send the lines of the failed run, from its start");
        }
    }

    private static void addLine(String text, String field, Draft draft, List<Problem> problems) {
        try {
            JournalLines.Parsed parsed = JournalLines.parse(text);
            Timed time = parsed.time() == null ? null : new Timed(field, parsed.timeText(), parsed.time(), null);
            draft.lines.add(new Line(time, parsed.level(), parsed.message()));
        } catch (DateTimeException e) {
            problems.add(new Problem(field, e.getMessage()));
        }
    }

    private static void entry(JsonNode item, String field, Draft draft, List<Problem> problems) {
        JsonNode message = item.get("message");
        if (message == null || !message.isTextual()) {
            problems.add(new Problem(field + ".message", "is required and must be a string"));
            return;
        }
        Timed time = null;
        JsonNode logDate = item.get("logDate");
        if (logDate != null && !logDate.isNull()) {
            try {
                time = logDate.isNumber()
                        ? new Timed(field + ".logDate", logDate.asText(), null, logDate.isFloatingPointNumber()
                        ? CampaignTimestamps.fromFractionalEpoch(logDate.asDouble()) : CampaignTimestamps.fromEpoch(logDate.asLong()))
                        : timed(field + ".logDate", logDate.asText());
            } catch (DateTimeException e) {
                problems.add(new Problem(field + ".logDate", e.getMessage()));
            }
        }
        JsonNode logType = item.get("logType");
        JournalEntry.Level level = logType == null || logType.isNull()
                ? JournalEntry.Level.UNKNOWN : JournalLines.levelOf(logType.asText());
        draft.lines.add(new Line(time, level, MarkupText.plain(message.asText()).strip()));
    }

    /**
     * The language to answer in is read by the service (with the webhook's header and the setting); here only its
     * shape: a tag the function does not speak falls back to English, but a list or a number is a mistake.
     */
    private static void language(JsonNode node, List<Problem> problems) {
        if (node != null && !node.isNull() && (!node.isTextual() || node.asText().length() > MAX_LANGUAGE_LENGTH)) {
            problems.add(new Problem("language", "must be a BCP 47 language tag such as fr, fr-CA or en-US, a string "
                    + "of at most " + MAX_LANGUAGE_LENGTH + " characters"));
        }
    }

    private String instance(JsonNode node, String workflow, List<Problem> problems) {
        if (node != null && !node.isNull() && !(node.isTextual() && node.asText().isBlank())) {
            // Any text is accepted: it only selects a configured instance. One that is not (a host, a URL)
            // gets a verdict saying so, and is never called.
            if (!node.isTextual() || node.asText().length() > MAX_INSTANCE_LENGTH) {
                problems.add(new Problem("instance", "must be the external account's internal name, a string of at "
                        + "most " + MAX_INSTANCE_LENGTH + " characters"));
                return null;
            }
            return node.asText().strip();
        }
        return workflow == null ? null : names.instanceOf(workflow);
    }
}
