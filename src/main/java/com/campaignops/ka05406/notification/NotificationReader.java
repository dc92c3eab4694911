package com.campaignops.ka05406.notification;

import com.campaignops.ka05406.messages.Text;
import com.campaignops.ka05406.time.CampaignTimestamps;
import com.campaignops.ka05406.time.DateOrder;
import com.campaignops.ka05406.time.TimeReading;
import com.campaignops.ka05406.time.TimestampReader;
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
import java.util.function.Predicate;

/**
 * Turns the notification JSON into a {@link Notification}, or reports every field that is wrong.
 * Unknown fields are ignored, so alerting pipelines can send their own extras.
 *
 * <p>Numeric dates such as {@code 03/04/2025} read day first or month first. The order is, in turn: the
 * notification's {@code dateOrder}, the configured one, the order another date of the same input proves
 * ({@code 27/10/2025}). When nothing settles it, both readings are returned and the caller weighs them.
 *
 * @param maxLogLines         longest {@code logs} list read; a longer one is refused, not cut, so no
 *                            evidence is silently dropped
 * @param configuredOrder     {@code restart-check.date-order}, or {@code null}
 * @param configuredInputZone {@code restart-check.input-time-zone}, or {@code null}
 */
public record NotificationReader(int maxLogLines, Clock clock, DateOrder configuredOrder, ZoneId configuredInputZone,
                                 WorkflowNames names) {

    /** Longest language tag read: BCP 47 tags in use are far shorter. */
    private static final int MAX_LANGUAGE_LENGTH = 64;
    private static final int MAX_INSTANCE_LENGTH = 256;
    /** Campaign v7 and its journals are younger than this; an earlier failedAt is a unit or parsing slip. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Clocks drift and alerts queue, but a failure more than a day ahead is a wrong zone or a typo. */
    private static final Duration LATEST_AHEAD = Duration.ofDays(1);
    private static final String LOGS_ADVICE = ": send the lines of the failed run, from its start";

    /**
     * One notification, or two when numeric dates read either way round and nothing settles which: the
     * day-first reading, then the month-first one.
     */
    public List<Notification> readings(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidNotificationException("notification", "expected a JSON object with workflow, failedAt and "
                    + "error, got " + (json == null ? "nothing" : "a JSON " + json.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        JsonNode logs = json.get("logs");
        if (logs != null && logs.isArray() && logs.size() > maxLogLines) {
            throw tooManyLines("logs", logs.size(), LOGS_ADVICE);
        }
        Draft draft = new Draft(json);
        if (!draft.problems.isEmpty()) {
            // The times' own problems too (a local time without a zone, one in the future), so every bad field is named.
            try {
                draft.build();
            } catch (InvalidNotificationException e) {
                draft.problems.addAll(e.problems());
            }
            throw new InvalidNotificationException(draft.problems);
        }
        return draft.build();
    }

    private InvalidNotificationException tooManyLines(String field, int lines, String advice) {
        return InvalidNotificationException.tooLarge(field, "has " + lines + " lines; at most " + maxLogLines
                + " are read" + advice);
    }

    /** Missing, null or blank: as if not sent. */
    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isTextual() && node.asText().isBlank();
    }

    /** What was read, its times not yet turned into instants: that needs the date order. */
    private final class Draft {
        final List<Problem> problems = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();
        final ZoneId zone;
        final ZoneId serverZone;
        final DateOrder givenOrder;
        String workflow;
        String workflowLabel;
        String error;
        final Timed failedAt;
        final String instance;

        Draft(JsonNode json) {
            ZoneId given = zone(json.get("timeZone"), "timeZone");
            zone = given != null ? given : configuredInputZone;
            serverZone = zone(json.get("serverTimeZone"), "serverTimeZone");
            givenOrder = dateOrder(json.get("dateOrder"));
            workflow(json.get("workflow"));
            error(json.get("error"));
            logs(json.get("logs"));
            failedAt = failedAt(json.get("failedAt"));
            instance = instance(json.get("instance"));
            // The language to answer in is read by the service (with the webhook's header and the setting); here only
            // its shape: a tag the function does not speak falls back to English, but a list or a number is a mistake.
            text(json.get("language"), "language", MAX_LANGUAGE_LENGTH, "must be a BCP 47 language tag such as fr, "
                    + "fr-CA or en-US, a string of at most " + MAX_LANGUAGE_LENGTH + " characters");
            if (error == null && lines.isEmpty()
                    && problems.stream().noneMatch(p -> p.field().equals("error") || p.field().startsWith("logs"))) {
                problem("error", "is required unless logs are given: the error message of the failed run");
            }
        }

        List<Notification> build() {
            Timed ambiguous = first(t -> t.reading != null && t.reading.monthFirst() != null);
            if (ambiguous == null) {
                return List.of(notification(DateOrder.DMY, null));
            }
            String example = ambiguous.text;
            boolean given = givenOrder == DateOrder.DMY || givenOrder == DateOrder.MDY;
            DateOrder set = given ? givenOrder : configuredOrder;
            if (set == DateOrder.DMY || set == DateOrder.MDY) {
                return List.of(notification(set, Text.of(given ? "dates.given" : "dates.configured", example,
                        describe(set))));
            }
            // A day-first or month-first date that reads only one way proves the order, unless the input holds both.
            Timed dayFirst = first(t -> t.reading != null && t.reading.shown() == DateOrder.DMY);
            Timed monthFirst = first(t -> t.reading != null && t.reading.shown() == DateOrder.MDY);
            Timed proof = dayFirst != null && monthFirst != null ? null : dayFirst != null ? dayFirst : monthFirst;
            if (proof != null) {
                DateOrder shown = proof.reading.shown();
                return List.of(notification(shown, Text.of("dates.proven", example, describe(shown), proof.text)));
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
            Instant failed = failedAt == null ? null : plausible(failedAt, order, latest, problems);
            List<JournalEntry> entries = new ArrayList<>(lines.size());
            for (Line line : lines) {
                Instant loggedAt = line.time == null ? null : plausible(line.time, order, latest, problems);
                entries.add(new JournalEntry(loggedAt, line.level, line.message));
            }
            if (!problems.isEmpty()) {
                throw new InvalidNotificationException(problems);
            }
            // A local time that no zone places: the instants read from it only keep the order.
            Timed unplaced = zone != null ? null : first(t -> t.fixed == null && t.reading.offset() == null);
            return new Notification(workflow, workflowLabel, instance, failed, error, entries, zone, serverZone,
                    unplaced == null ? null : unplaced.text, datesNote);
        }

        /** A failure time, given or read from the journal, must fall between 2000 and tomorrow. */
        private Instant plausible(Timed timed, DateOrder order, Instant latest, List<Problem> problems) {
            Instant time = timed.fixed != null ? timed.fixed
                    : timed.reading.instant(order, zone == null ? ZoneOffset.UTC : zone);
            String wrong = time.isBefore(EARLIEST)
                    ? " is before 2000: check the value (seconds or milliseconds since 1970?) and its time zone"
                    : time.isAfter(latest) ? " is more than a day in the future: check the value and its time zone"
                    : null;
            if (wrong != null) {
                problems.add(new Problem(timed.field, time + wrong));
            }
            return wrong == null ? time : null;
        }

        /** The first of failedAt, then the journal's times, that passes {@code test}, or {@code null}. */
        private Timed first(Predicate<Timed> test) {
            if (failedAt != null && test.test(failedAt)) {
                return failedAt;
            }
            for (Line line : lines) {
                if (line.time != null && test.test(line.time)) {
                    return line.time;
                }
            }
            return null;
        }

        /** Always {@code null}, so that a field's reader can return it. */
        private <T> T problem(String field, String message) {
            problems.add(new Problem(field, message));
            return null;
        }

        /** {@code timeZone} or {@code serverTimeZone}: an IANA zone, or a fixed offset such as UTC+02:00. */
        private ZoneId zone(JsonNode node, String field) {
            String id = absent(node) ? null
                    : text(node, field, Integer.MAX_VALUE, "must be an IANA time zone name such as Europe/Paris");
            try {
                return id == null ? null : ZoneId.of(id);
            } catch (DateTimeException e) {
                return problem(field, "'" + node.asText() + "' is not an IANA time zone (e.g. Europe/Paris, UTC)"
                        + " or UTC offset (UTC+02:00)");
            }
        }

        private DateOrder dateOrder(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            try {
                return DateOrder.valueOf(node.isTextual() ? node.asText().strip().toUpperCase(Locale.ROOT) : "");
            } catch (IllegalArgumentException e) {
                return problem("dateOrder", "must be DMY (27/10/2025), MDY (10/27/2025) or YMD (2025/10/27)");
            }
        }

        private void workflow(JsonNode node) {
            if (absent(node) || !node.isTextual()) {
                problem("workflow", (absent(node) ? "is required: " : "must be a string: ")
                        + "the workflow's internal name, e.g. mcSynch_mcExec1");
                return;
            }
            String named = MarkupText.plain(node.asText()).strip();
            workflow = names.internalNameOf(named);
            workflowLabel = workflow.equals(named) ? null : named;
        }

        /** The error; a text of several lines (a digest, a pasted journal) is read line by line, as a journal. */
        private void error(JsonNode node) {
            if (node == null || node.isNull()) {
                return;
            }
            if (!node.isTextual()) {
                problem("error", "must be a string");
                return;
            }
            String text = MarkupText.plain(node.asText()).strip();
            // Nearly every error is one line: it is not split (this runs for every notification).
            List<String> split = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? List.of()
                    : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (split.size() <= 1) {
                error = text.isEmpty() ? null : text;
                return;
            }
            if (split.size() > maxLogLines) {
                // A journal pasted into error is held to the limit of logs: refused, never cut.
                throw tooManyLines("error", split.size(),
                        " (max-log-lines, as for logs): send the lines of the failed run");
            }
            split.forEach(line -> addLine(line, "error"));
        }

        private void logs(JsonNode node) {
            if (node == null || node.isNull()) {
                return;
            }
            if (!node.isArray()) {
                problem("logs", "must be a list of journal lines (strings or {logDate, logType, message})");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                String field = "logs[" + i + "]";
                JsonNode item = node.get(i);
                if (item.isTextual()) {
                    String text = MarkupText.plain(item.asText());
                    if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                        addLine(text, field);
                    } else {
                        // One string may hold several lines: a journal pasted whole.
                        text.lines().filter(Predicate.not(String::isBlank)).forEach(line -> addLine(line, field));
                    }
                } else if (item.isObject()) {
                    entry(item, field);
                } else {
                    problem(field, "must be a string or an object {logDate, logType, message}");
                }
            }
            if (lines.size() > maxLogLines) {
                throw tooManyLines("logs", lines.size(), LOGS_ADVICE);
            }
        }

        private void addLine(String text, String field) {
            try {
                JournalLines.Parsed parsed = JournalLines.parse(text);
                Timed time = parsed.time() == null ? null : new Timed(field, parsed.timeText(), parsed.time(), null);
                lines.add(new Line(time, parsed.level(), parsed.message()));
            } catch (DateTimeException e) {
                problem(field, e.getMessage());
            }
        }

        private void entry(JsonNode item, String field) {
            JsonNode message = item.get("message");
            if (message == null || !message.isTextual()) {
                problem(field + ".message", "is required and must be a string");
                return;
            }
            JsonNode logDate = item.get("logDate");
            Timed time = logDate == null || logDate.isNull() ? null : timed(field + ".logDate", logDate);
            JsonNode logType = item.get("logType");
            JournalEntry.Level level = logType == null || logType.isNull()
                    ? JournalEntry.Level.UNKNOWN : JournalLines.levelOf(logType.asText());
            lines.add(new Line(time, level, MarkupText.plain(message.asText()).strip()));
        }

        private Timed failedAt(JsonNode node) {
            return absent(node) ? null : node.isNumber() || node.isTextual() ? timed("failedAt", node)
                    : problem("failedAt", "must be a date-time string such as 2024-06-13T04:00:03Z");
        }

        /** A number is seconds or milliseconds since 1970; anything else is read as text. */
        private Timed timed(String field, JsonNode node) {
            try {
                if (node.isNumber()) {
                    return new Timed(field, node.asText(), null, node.isFloatingPointNumber()
                            ? CampaignTimestamps.fromFractionalEpoch(node.asDouble()) : CampaignTimestamps.fromEpoch(node.asLong()));
                }
                String plain = MarkupText.plain(node.asText()).strip();
                if (plain.length() >= 9 && plain.length() <= 13 && plain.chars().allMatch(Character::isDigit)) {
                    return new Timed(field, plain, null, CampaignTimestamps.fromText(plain));
                }
                return new Timed(field, plain, TimestampReader.parse(plain), null);
            } catch (DateTimeException e) {
                return problem(field, e.getMessage());
            }
        }

        // Any text: it only selects a configured instance. One that is not (a host, a URL) gets a verdict saying
        // so, and is never called.
        private String instance(JsonNode node) {
            return !absent(node) ? text(node, "instance", MAX_INSTANCE_LENGTH, "must be the external account's "
                    + "internal name, a string of at most " + MAX_INSTANCE_LENGTH + " characters")
                    : workflow == null ? null : names.instanceOf(workflow);
        }

        /** A string of at most {@code max} characters, stripped; {@code null} and the problem for anything else. */
        private String text(JsonNode node, String field, int max, String problem) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual() || node.asText().length() > max) {
                return problem(field, problem);
            }
            return node.asText().strip();
        }
    }

    private static Text describe(DateOrder order) {
        return Text.of(order == DateOrder.MDY ? "order.monthFirst" : "order.dayFirst");
    }

    /** A time as given: a reading still to be settled, or an instant (epoch numbers). */
    private record Timed(String field, String text, TimeReading reading, Instant fixed) {
    }

    private record Line(Timed time, JournalEntry.Level level, String message) {
    }
}
