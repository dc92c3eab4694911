package com.campaignops.ka05406.notification;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the notification JSON into a {@link Notification}, or reports every field that is wrong.
 * Unknown fields are ignored, so alerting pipelines can send their own extras.
 */
public final class NotificationReader {

    /** The longest external account name taken from a workflow name: [A-Za-z0-9_]{1,64}. */
    private static final int MAX_INSTANCE_NAME = 64;
    private static final String MC_SYNCH_PREFIX = "mcsynch_";
    private static final int MAX_INSTANCE_LENGTH = 256;
    /** Campaign v7 and its journals are younger than this; an earlier failedAt is a unit or parsing slip. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Clocks drift and alerts queue, but a failure more than a day ahead is a wrong zone or a typo. */
    private static final Duration LATEST_AHEAD = Duration.ofDays(1);

    private final int maxLogLines;
    private final Clock clock;

    /**
     * @param maxLogLines longest {@code logs} list read; a longer one is refused, not cut, so no
     *                    evidence is silently dropped
     */
    public NotificationReader(int maxLogLines, Clock clock) {
        this.maxLogLines = maxLogLines;
        this.clock = clock;
    }

    public Notification read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new InvalidNotificationException("notification", "expected a JSON object with workflow, failedAt and "
                    + "error, got " + (json == null ? "nothing" : "a JSON " + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode logsNode = json.get("logs");
        if (logsNode != null && logsNode.isArray() && logsNode.size() > maxLogLines) {
            throw InvalidNotificationException.tooLarge("logs", "has " + logsNode.size() + " lines; at most "
                    + maxLogLines + " are read: send the lines of the failed run, from its start");
        }
        ZoneId zone = zone(json.get("timeZone"), problems);
        String workflow = requiredText(json, "workflow", "the workflow's internal name, e.g. mcSynch_mcExec1", problems);
        String error = optionalText(json, "error", problems);
        List<JournalEntry> logs = logs(logsNode, zone, problems);
        Instant failedAt = failedAt(json.get("failedAt"), zone, problems);
        String instance = instance(json.get("instance"), workflow, problems);
        boolean errorOrLogsMisformed = problems.stream()
                .anyMatch(p -> p.field().equals("error") || p.field().startsWith("logs"));
        if (error == null && logs.isEmpty() && !errorOrLogsMisformed) {
            problems.add(new Problem("error", "is required unless logs are given: the error message of the failed run"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidNotificationException(problems);
        }
        return new Notification(workflow, instance, failedAt, error, logs, zone);
    }

    private static ZoneId zone(JsonNode node, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem("timeZone", "must be an IANA time zone name such as Europe/Paris"));
            return null;
        }
        try {
            return ZoneId.of(node.asText().strip());
        } catch (DateTimeException e) {
            problems.add(new Problem("timeZone", "'" + node.asText() + "' is not an IANA time zone (e.g. Europe/Paris, UTC)"));
            return null;
        }
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
        return node.asText().strip();
    }

    private static String optionalText(JsonNode json, String field, List<Problem> problems) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Problem(field, "must be a string"));
            return null;
        }
        return node.asText().isBlank() ? null : node.asText().strip();
    }

    private Instant failedAt(JsonNode node, ZoneId zone, List<Problem> problems) {
        if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
            return null;
        }
        try {
            if (node.isNumber() || node.isTextual()) {
                return plausible(CampaignTimestamps.fromJson(node, zone), "failedAt", problems);
            }
            problems.add(new Problem("failedAt", "must be a date-time string such as 2024-06-13T04:00:03Z"));
        } catch (DateTimeException e) {
            problems.add(new Problem("failedAt", e.getMessage()));
        }
        return null;
    }

    /** A failure time, given or read from the journal, must fall between 2000 and tomorrow. */
    private Instant plausible(Instant time, String field, List<Problem> problems) {
        if (time == null) {
            return null;
        }
        if (time.isBefore(EARLIEST)) {
            problems.add(new Problem(field, time + " is before 2000: check the value (seconds or "
                    + "milliseconds since 1970?) and its time zone"));
            return null;
        }
        if (time.isAfter(clock.instant().plus(LATEST_AHEAD))) {
            problems.add(new Problem(field, time + " is more than a day in the future: check the value "
                    + "and its time zone"));
            return null;
        }
        return time;
    }

    private List<JournalEntry> logs(JsonNode node, ZoneId zone, List<Problem> problems) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new Problem("logs", "must be a list of journal lines (strings or {logDate, logType, message})"));
            return List.of();
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "logs[" + i + "]";
            JsonNode item = node.get(i);
            try {
                if (item.isTextual()) {
                    JournalEntry line = JournalLines.parse(item.asText(), zone);
                    if (line.loggedAt() == null || plausible(line.loggedAt(), field, problems) != null) {
                        entries.add(line);
                    }
                } else if (item.isObject()) {
                    entries.add(entry(item, field, zone, problems));
                } else {
                    problems.add(new Problem(field, "must be a string or an object {logDate, logType, message}"));
                }
            } catch (DateTimeException e) {
                problems.add(new Problem(field, e.getMessage()));
            }
        }
        return entries;
    }

    private JournalEntry entry(JsonNode item, String field, ZoneId zone, List<Problem> problems) {
        JsonNode message = item.get("message");
        if (message == null || !message.isTextual()) {
            problems.add(new Problem(field + ".message", "is required and must be a string"));
            return null;
        }
        Instant loggedAt = null;
        JsonNode logDate = item.get("logDate");
        if (logDate != null && !logDate.isNull()) {
            try {
                loggedAt = plausible(CampaignTimestamps.fromJson(logDate, zone), field + ".logDate", problems);
            } catch (DateTimeException e) {
                problems.add(new Problem(field + ".logDate", e.getMessage()));
            }
        }
        JsonNode logType = item.get("logType");
        JournalEntry.Level level = logType == null || logType.isNull()
                ? JournalEntry.Level.UNKNOWN : JournalLines.levelOf(logType.asText());
        return new JournalEntry(loggedAt, level, message.asText().strip());
    }

    private static String instance(JsonNode node, String workflow, List<Problem> problems) {
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
        if (workflow != null && workflow.regionMatches(true, 0, MC_SYNCH_PREFIX, 0, MC_SYNCH_PREFIX.length())) {
            String suffix = workflow.substring(MC_SYNCH_PREFIX.length());
            return isInstanceName(suffix) ? suffix : null;
        }
        return null;
    }

    private static boolean isInstanceName(String text) {
        if (text.isEmpty() || text.length() > MAX_INSTANCE_NAME) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
