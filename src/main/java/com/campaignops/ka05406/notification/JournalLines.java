package com.campaignops.ka05406.notification;

import com.campaignops.ka05406.notification.JournalEntry.Level;

import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Reads a journal line as nlserver writes it: {@code timestamp<TAB>pid<TAB>tid<TAB>n<TAB>level<TAB>log<TAB>message}.
 * Lines pasted from a console often lose their tabs, so a leading timestamp followed by spaces is
 * accepted too, and a line with no timestamp is kept as a bare message.
 */
final class JournalLines {

    private JournalLines() {
    }

    static JournalEntry parse(String line, ZoneId zone) {
        String text = line.strip();
        if (text.indexOf('\t') >= 0) {
            String[] fields = text.split("\t");
            Matcher m = CampaignTimestamps.pattern().matcher(fields[0].strip());
            if (m.matches()) {
                return new JournalEntry(CampaignTimestamps.toInstant(m, fields[0], zone), levelAmong(fields),
                        fields[fields.length - 1].strip());
            }
        }
        Matcher m = CampaignTimestamps.pattern().matcher(text);
        if (m.lookingAt() && (m.end() == text.length() || Character.isWhitespace(text.charAt(m.end())))) {
            return new JournalEntry(CampaignTimestamps.toInstant(m, text, zone), Level.UNKNOWN,
                    text.substring(m.end()).strip());
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

    private static Level levelAmong(String[] fields) {
        // The level sits between the numeric columns and the message; never read it from the message.
        for (int i = 1; i < fields.length - 1; i++) {
            Level level = levelOf(fields[i]);
            if (level != Level.UNKNOWN && !isOneDigit(fields[i].strip())) {
                return level;
            }
        }
        return Level.UNKNOWN;
    }
}
