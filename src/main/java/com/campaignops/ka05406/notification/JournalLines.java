package com.campaignops.ka05406.notification;

import com.campaignops.ka05406.notification.JournalEntry.Level;

import java.time.ZoneId;
import java.util.Locale;

/**
 * Reads a journal line as nlserver writes it: {@code timestamp<TAB>pid<TAB>tid<TAB>n<TAB>level<TAB>log<TAB>message}.
 * Lines pasted from a console often lose their tabs, so a leading timestamp followed by spaces is
 * accepted too, and a line with no timestamp is kept as a bare message.
 */
final class JournalLines {

    /** "warning": a longer column (a pid, the message) is no level, and needs no closer look. */
    private static final int LONGEST_LEVEL_NAME = 7;

    private JournalLines() {
    }

    static JournalEntry parse(String line, ZoneId zone) {
        String text = line.strip();
        int firstTab = text.indexOf('\t');
        if (firstTab >= 0) {
            String first = text.substring(0, firstTab).strip();
            CampaignTimestamps.Written written = CampaignTimestamps.readAt(first, 0);
            if (written != null && written.end() == first.length()) {
                int lastTab = text.lastIndexOf('\t');
                return new JournalEntry(CampaignTimestamps.toInstant(written, text.substring(0, firstTab), zone),
                        levelAmong(text, firstTab, lastTab), text.substring(lastTab + 1).strip());
            }
        }
        CampaignTimestamps.Written written = CampaignTimestamps.readAt(text, 0);
        if (written != null && (written.end() == text.length() || Character.isWhitespace(text.charAt(written.end())))) {
            return new JournalEntry(CampaignTimestamps.toInstant(written, text, zone), Level.UNKNOWN,
                    text.substring(written.end()).strip());
        }
        return new JournalEntry(null, Level.UNKNOWN, text);
    }

    /** {@code logType} of a journal export: 0 error, 1 warning, 2 info; names are accepted as well. */
    static Level levelOf(String logType) {
        return switch (logType.strip().toLowerCase(Locale.ROOT)) {
            case "0", "error" -> Level.ERROR;
            case "1", "warning", "warn" -> Level.WARNING;
            case "2", "info" -> Level.INFO;
            default -> Level.UNKNOWN;
        };
    }

    /** A numeric column (thread, counter) that merely looks like a level code; no regex: this runs per line. */
    private static boolean isOneDigit(String field) {
        return field.length() == 1 && field.charAt(0) >= '0' && field.charAt(0) <= '9';
    }

    /** The columns between the first tab and the last one, which starts the message. */
    private static Level levelAmong(String text, int firstTab, int lastTab) {
        // The level sits between the numeric columns and the message; never read it from the message.
        for (int start = firstTab + 1; start <= lastTab; ) {
            int end = text.indexOf('\t', start);
            String field = text.substring(start, end).strip();
            Level level = field.length() > LONGEST_LEVEL_NAME || isOneDigit(field) ? Level.UNKNOWN : levelOf(field);
            if (level != Level.UNKNOWN) {
                return level;
            }
            start = end + 1;
        }
        return Level.UNKNOWN;
    }
}
