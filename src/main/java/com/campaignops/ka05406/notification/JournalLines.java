package com.campaignops.ka05406.notification;

import com.campaignops.ka05406.notification.JournalEntry.Level;
import com.campaignops.ka05406.time.CampaignTimestamps;
import com.campaignops.ka05406.time.TimeReading;
import com.campaignops.ka05406.time.TimestampReader;

import java.time.DateTimeException;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a journal line in the shapes docs/contract.md lists for {@code logs}: nlserver's columns, the same with its
 * tabs turned into spaces by a console, a mail or a terminal, a console copy ({@code 27/10/2025 07:01:12 Erreur
 * Retour vide…}, or the level word first); anything else is kept as a bare message with no time. Tabs or spaces
 * never change what a line says: the same columns are read from both.
 */
final class JournalLines {

    /** Level words as nlserver and the console write them, in the console's languages. */
    private static final Map<String, Level> LEVEL_WORDS = Map.ofEntries(
            Map.entry("error", Level.ERROR), Map.entry("erreur", Level.ERROR), Map.entry("fehler", Level.ERROR),
            Map.entry("errore", Level.ERROR), Map.entry("fel", Level.ERROR), Map.entry("エラー", Level.ERROR),
            Map.entry("warning", Level.WARNING), Map.entry("warn", Level.WARNING),
            Map.entry("avertissement", Level.WARNING), Map.entry("warnung", Level.WARNING),
            Map.entry("avviso", Level.WARNING), Map.entry("avvertenza", Level.WARNING),
            Map.entry("varning", Level.WARNING), Map.entry("警告", Level.WARNING),
            Map.entry("info", Level.INFO), Map.entry("information", Level.INFO), Map.entry("情報", Level.INFO));
    /** Level words or names a line may start with before its time. */
    private static final int LEADING_TOKENS = 2;
    /** pid, thread id and counter: the numeric columns between the time and the level. */
    private static final int NUMERIC_COLUMNS = 3;

    private JournalLines() {
    }

    /** A parsed line whose time may still depend on the date order: the reader settles that. */
    record Parsed(TimeReading time, String timeText, Level level, String message) {
    }

    static Parsed parse(String line) {
        String text = line.strip();
        int firstTab = text.indexOf('\t');
        if (firstTab >= 0) {
            String first = text.substring(0, firstTab).strip();
            TimeReading time = TimestampReader.readAt(first, 0);
            if (time != null && time.end() == first.length()) {
                int lastTab = text.lastIndexOf('\t');
                return new Parsed(time, first, levelAmong(text, firstTab, lastTab), text.substring(lastTab + 1).strip());
            }
            // Not nlserver's columns: read it as the same line with spaces.
            text = text.replace('\t', ' ');
        }
        // A time may follow a level word or a workflow's internal name, as digests and console copies put them
        // first ("mcSynch_mcExec2 2025-02-03 06:00:01Z error …", "Erreur 27/10/2025 07:01:12 …"): up to two such
        // tokens. The name is kept in the message, where it tells which workflow the line is about. Other words
        // ("Date:", "Journal:") do not lend the line a time: what follows them may be a header, not a log line.
        Level leading = Level.UNKNOWN;
        StringBuilder named = new StringBuilder();
        int start = 0;
        TimeReading time = TimestampReader.readAt(text, 0);
        for (int token = 0; time == null && token < LEADING_TOKENS; token++) {
            int end = indexOfSpace(text, start);
            if (end < 0) {
                break;
            }
            String word = text.substring(start, end);
            Level level = levelWord(word);
            if (level != Level.UNKNOWN) {
                leading = level;
            } else if (isWorkflowName(word)) {
                named.append(word).append(' ');
            } else {
                break;
            }
            start = skipSpaces(text, end);
            try {
                time = TimestampReader.readAt(text, start);
            } catch (DateTimeException e) {
                // After a leading token an impossible date is no time (time stays null), not an error.
            }
        }
        if (time == null || time.end() < text.length() && !isSpace(text.charAt(time.end()))) {
            return new Parsed(null, null, Level.UNKNOWN, text);
        }
        String timeText = text.substring(start, time.end());
        Parsed parsed = columnsAfterTime(time, timeText, leading, text, skipSpaces(text, time.end()));
        return named.isEmpty() ? parsed
                : new Parsed(parsed.time(), parsed.timeText(), parsed.level(), named + parsed.message());
    }

    /** An internal name with an underscore, as workflow names have ({@code mcSynch_mcExec2}, {@code mcSynch_x:}). */
    private static boolean isWorkflowName(String word) {
        String name = word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
        return name.indexOf('_') > 0 && WorkflowNames.isInternalName(name);
    }

    /** {@code [pid tid n] [level [log]] message} after the time, as the tabs would have separated them. */
    private static Parsed columnsAfterTime(TimeReading time, String timeText, Level leading, String text, int from) {
        int at = from;
        int numeric = 0;
        while (numeric < NUMERIC_COLUMNS) {
            int end = indexOfSpace(text, at);
            if (end < 0 || !CampaignTimestamps.digits(text, at, end - at)) {
                break;
            }
            at = skipSpaces(text, end);
            numeric++;
        }
        // A level word is followed by the message: a last word is the message's own.
        int end = indexOfSpace(text, at);
        String word = end < 0 ? "" : text.substring(at, end);
        Level written = levelWord(word);
        if (written != Level.UNKNOWN) {
            int afterLevel = skipSpaces(text, end);
            int logEnd = indexOfSpace(text, afterLevel);
            // A level word alone may be the message's own first word ("Error while executing…"): the level is
            // taken, the word is kept; nlserver's columns (numbers before, "log" after) are dropped.
            if (logEnd > 0 && text.substring(afterLevel, logEnd).equalsIgnoreCase("log")) {
                at = skipSpaces(text, logEnd);
            } else if (numeric > 0 || isLevelColumn(word)) {
                at = afterLevel;
            }
        }
        return new Parsed(time, timeText, written != Level.UNKNOWN ? written : leading, text.substring(at).strip());
    }

    /** nlserver writes its level in lower case; a console column may be capitalised, but a message rarely is all lower. */
    private static boolean isLevelColumn(String word) {
        return word.equals(word.toLowerCase(Locale.ROOT)) || word.equals(word.toUpperCase(Locale.ROOT));
    }

    /** {@code logType} of a journal export: 0 error, 1 warning, 2 info; names are accepted as well. */
    static Level levelOf(String logType) {
        String value = logType.strip();
        return switch (value) {
            case "0" -> Level.ERROR;
            case "1" -> Level.WARNING;
            case "2" -> Level.INFO;
            default -> levelWord(value);
        };
    }

    private static Level levelWord(String word) {
        if (word.isEmpty() || word.length() > 13) {
            return Level.UNKNOWN;
        }
        String folded = word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
        return LEVEL_WORDS.getOrDefault(folded.toLowerCase(Locale.ROOT), Level.UNKNOWN);
    }

    /** The columns between the first tab and the last one, which starts the message. */
    private static Level levelAmong(String text, int firstTab, int lastTab) {
        // The level sits between the numeric columns and the message; never read it from the message. Columns
        // are compared in place: this runs for every line of a journal.
        for (int start = firstTab + 1; start <= lastTab; ) {
            int end = text.indexOf('\t', start);
            int from = start;
            int to = end;
            while (from < to && text.charAt(from) == ' ') {
                from++;
            }
            while (to > from && text.charAt(to - 1) == ' ') {
                to--;
            }
            int length = to - from;
            if (length > 1 && !Character.isDigit(text.charAt(from))) {
                for (Map.Entry<String, Level> word : LEVEL_WORDS.entrySet()) {
                    if (word.getKey().length() == length && text.regionMatches(true, from, word.getKey(), 0, length)) {
                        return word.getValue();
                    }
                }
            }
            start = end + 1;
        }
        return Level.UNKNOWN;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00a0' || c == '\u202f' || c == '\t';
    }

    private static int indexOfSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (isSpace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
