package com.campaignops.ka05406.time;

import java.text.DateFormatSymbols;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads every timestamp form an operator pastes: Campaign's own and ISO-8601 ({@link CampaignTimestamps}), and
 * what the client console shows in its languages, copied from a journal, a mail or a screen:
 * <ul>
 *   <li>numeric dates: {@code 27/10/2025 07:01:12}, {@code 03/30/2025 6:00:40 AM}, {@code 27.10.2025 07:01},
 *       {@code 2025/3/2 6:00:09}, {@code 2025年3月2日 6:00:09}, {@code 2025/04/21 午前 6:01:26};</li>
 *   <li>month names in English, French, German, Italian and Swedish, full or abbreviated:
 *       {@code 2 mars 2025 06:00:09}, {@code 2. März 2025 06:00}, {@code March 2, 2025 6:00:09 AM};</li>
 *   <li>with or without seconds and fractions, a 12-hour clock ({@code AM}/{@code PM}), and an offset
 *       ({@code Z}, {@code UTC}, {@code GMT+2}, {@code +02:00}).</li>
 * </ul>
 * A numeric date with both numbers 12 or less is read both ways ({@link TimeReading#monthFirst()}); the caller
 * settles it.
 */
public final class TimestampReader {

    private static final Pattern ACCENTS = Pattern.compile("\\p{Mn}+");

    private TimestampReader() {
    }

    /** The whole text as one timestamp. */
    public static TimeReading parse(String text) {
        String stripped = text.strip();
        TimeReading reading = readAt(stripped, 0);
        if (reading == null || reading.end() != stripped.length()) {
            throw new DateTimeException("'" + text + "' is not a date-time: expected ISO-8601 (2024-06-13T04:00:03Z), "
                    + "Campaign's 2024-06-13 04:00:03.512Z, or the console's 27/10/2025 07:01:12, "
                    + "10/27/2025 7:01:12 AM, 27 octobre 2025 07:01:12");
        }
        return reading;
    }

    /**
     * The longest timestamp starting exactly at {@code from}, or {@code null} if none starts there.
     *
     * @throws DateTimeException when the text has a timestamp's shape but names an impossible date or time
     */
    public static TimeReading readAt(String text, int from) {
        CampaignTimestamps.Written written = CampaignTimestamps.readAt(text, from);
        if (written != null) {
            TimeReading reading = written.reading();
            // The ISO date with the consoles' offsets too (GMT+2, UTC+02:00), which Campaign's own grammar does not write.
            Cursor c = new Cursor(text, written.end());
            ZoneOffset consoles = reading.offset() == null ? c.offset() : null;
            return consoles == null ? reading : new TimeReading(reading.local(), null, consoles, DateOrder.YMD, c.at);
        }
        Cursor c = new Cursor(text, from);
        char first = c.peek();
        return first >= '0' && first <= '9' ? numericFirst(c) : Character.isLetter(first) ? monthFirst(c) : null;
    }

    /** 27/10/2025, 10/27/2025, 27.10.2025, 2025/3/2, 2025年3月2日, 2 mars 2025, 2. März 2025. */
    private static TimeReading numericFirst(Cursor c) {
        int start = c.at;
        int a = c.number(1, 4);
        if (a < 0) {
            return null;
        }
        int aDigits = c.at - start;
        if (aDigits == 4) {
            return yearFirst(c, a);
        }
        if (aDigits > 2) {
            return null;
        }
        int afterDay = c.at;
        char separator = c.peek();
        if (c.take('/') || c.take('.') || c.take('-')) {
            int b = c.number(1, 2);
            int year = b >= 0 && c.take(separator) ? c.number(4, 4) : -1;
            if (year >= 0) {
                return withTime(c, a, b, year, separator == '.' ? DateOrder.DMY : null);
            }
            c.at = afterDay;
        }
        // 2 mars 2025, 2. März 2025, 2 March 2025
        c.take('.');
        int month = c.spaces() ? c.monthName() : -1;
        return month < 0 ? null : yearAndTime(c, month, a);
    }

    /** 2025/3/2 6:00:09, 2025-3-2 6:00, 2025年3月2日 6:00:09. */
    private static TimeReading yearFirst(Cursor c, int year) {
        boolean japanese = c.take('年');
        char separator = japanese ? '月' : c.peek();
        if (!japanese && !c.take('/') && !c.take('-') && !c.take('.')) {
            return null;
        }
        int month = c.number(1, 2);
        int day = month >= 0 && c.take(separator) ? c.number(1, 2) : -1;
        if (day < 0 || japanese && !c.take('日')) {
            return null;
        }
        return at(c, LocalDate.of(year, month, day), DateOrder.YMD);
    }

    /** March 2, 2025 6:00:09 AM; Mar 2, 2025, 6:00 PM. */
    private static TimeReading monthFirst(Cursor c) {
        int month = c.monthName();
        int day = month >= 0 && c.spaces() ? c.number(1, 2) : -1;
        if (day < 0) {
            return null;
        }
        c.take(',');
        return yearAndTime(c, month, day);
    }

    /** After a month name and a day: spaces, the year and an optional comma, then the time. */
    private static TimeReading yearAndTime(Cursor c, int month, int day) {
        int year = c.spaces() ? c.number(4, 4) : -1;
        if (year < 0) {
            return null;
        }
        c.take(',');
        return at(c, LocalDate.of(year, month, day), null);
    }

    /** Two numbers before a year: day and month in one order or the other. */
    private static TimeReading withTime(Cursor c, int a, int b, int year, DateOrder known) {
        if (known == DateOrder.DMY || a > 12) {
            return at(c, LocalDate.of(year, b, a), DateOrder.DMY);
        }
        if (b > 12) {
            return at(c, LocalDate.of(year, a, b), DateOrder.MDY);
        }
        TimeReading dayFirst = at(c, LocalDate.of(year, b, a), null);
        if (dayFirst == null || a == b) {
            return dayFirst;
        }
        return new TimeReading(dayFirst.local(), LocalDate.of(year, a, b).atTime(dayFirst.local().toLocalTime()),
                dayFirst.offset(), null, dayFirst.end());
    }

    /** The time after a date: required, for a date alone cannot be compared with a restart. */
    private static TimeReading at(Cursor c, LocalDate date, DateOrder shown) {
        if (!c.spaces()) {
            return null;
        }
        // The Japanese console writes the half of the day before the time: 2020/07/24 午後 1:33:15.
        int japaneseMeridiem = c.text.startsWith("午前", c.at) ? 0 : c.text.startsWith("午後", c.at) ? 12 : -1;
        if (japaneseMeridiem >= 0) {
            c.at += 2;
            c.spaces();
        }
        int hour = c.number(1, 2);
        int minute = hour >= 0 && c.take(':') ? c.number(2, 2) : -1;
        if (minute < 0) {
            return null;
        }
        int second = 0;
        int nano = 0;
        if (c.take(':')) {
            second = c.number(2, 2);
            if (second < 0) {
                // Not seconds: the colon is left unread.
                c.at--;
                second = 0;
            } else {
                int end = CampaignTimestamps.fractionEnd(c.text, c.at);
                nano = CampaignTimestamps.nanoOf(c.text, c.at, end);
                c.at = end;
            }
        }
        int meridiem = japaneseMeridiem >= 0 ? japaneseMeridiem : c.meridiem();
        if (meridiem >= 0) {
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("'" + c.text.substring(0, c.at).strip() + "': hour " + hour
                        + " does not exist on a 12-hour clock");
            }
            hour = hour % 12 + meridiem;
        }
        // Each step leaves the cursor where it stopped reading: at the end of the timestamp.
        ZoneOffset offset = c.offset();
        return new TimeReading(LocalDateTime.of(date, LocalTime.of(hour, minute, second, nano)), null, offset, shown,
                c.at);
    }

    /**
     * The month names of the console's languages, folded: the JDK's full and abbreviated ones (its locale data, module
     * jdk.localedata), Austria's Jänner and Jän. too. Read on first use: most texts name no month.
     */
    private static final class MonthNames {
        static final Map<String, Integer> BY_NAME = read();

        private static Map<String, Integer> read() {
            // Written by people, not by the JDK (CLDR writes févr. and März): French fév, German Mrz.
            Map<String, Integer> months = new HashMap<>(Map.of("fev", 2, "mrz", 3));
            for (String language : List.of("en", "fr", "de", "de-AT", "it", "sv")) {
                DateFormatSymbols symbols = DateFormatSymbols.getInstance(Locale.forLanguageTag(language));
                String[] full = symbols.getMonths();
                String[] abbreviated = symbols.getShortMonths();
                for (int m = 0; m < 12; m++) {
                    months.put(fold(full[m]), m + 1);
                    months.put(fold(abbreviated[m].replace(".", "")), m + 1);
                }
            }
            return Map.copyOf(months);
        }
    }

    /** Lower case without accents: "Févr." and "fevr" are one abbreviation. */
    private static String fold(String word) {
        return ACCENTS.matcher(Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)).replaceAll("");
    }

    /** A position in the text and the small steps of the grammar. */
    private static final class Cursor {
        final String text;
        int at;

        Cursor(String text, int at) {
            this.text = text;
            this.at = at;
        }

        char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        boolean isDigit(int i) {
            return i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
        }

        boolean take(char wanted) {
            if (peek() == wanted) {
                at++;
                return true;
            }
            return false;
        }

        /** One or more spaces (a no-break space too); false if none. */
        boolean spaces() {
            int start = at;
            while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\u00a0'
                    || text.charAt(at) == '\u202f')) {
                at++;
            }
            return at > start;
        }

        /** {@code min} to {@code max} digits not followed by another digit, or -1 (and the cursor stays). */
        int number(int min, int max) {
            int start = at;
            int value = 0;
            while (isDigit(at) && at - start < max) {
                value = value * 10 + (text.charAt(at++) - '0');
            }
            if (at - start < min || isDigit(at)) {
                at = start;
                return -1;
            }
            return value;
        }

        /** A month name or abbreviation with an optional dot, or -1. */
        int monthName() {
            int start = at;
            while (at < text.length() && Character.isLetter(text.charAt(at))) {
                at++;
            }
            Integer month = at - start >= 3 ? MonthNames.BY_NAME.get(fold(text.substring(start, at))) : null;
            if (month == null) {
                at = start;
                return -1;
            }
            take('.');
            return month;
        }

        /** 0 for AM, 12 for PM (with or without a space, dots, in either case), or -1. */
        int meridiem() {
            int start = at;
            spaces();
            char first = Character.toLowerCase(peek());
            if (first == 'a' || first == 'p') {
                at++;
                take('.');
                if (Character.toLowerCase(peek()) == 'm') {
                    at++;
                    take('.');
                    if (!Character.isLetterOrDigit(peek())) {
                        return first == 'a' ? 0 : 12;
                    }
                }
            }
            at = start;
            return -1;
        }

        /**
         * After optional spaces: Z, UTC, GMT, UTC+2, GMT+02:00, +02:00, +0200, +02; or {@code null} (and the cursor
         * stays). Wider than Campaign's offsets (GMT, one-digit hours), stricter on digits: +023 is no offset.
         */
        ZoneOffset offset() {
            int start = at;
            spaces();
            ZoneOffset offset = take('Z') ? wordEnds(ZoneOffset.UTC) : namedOrSigned();
            if (offset == null) {
                at = start;
            }
            return offset;
        }

        /** A name is whole, not the start of a word ("Zulu", "UTCx"); digits after a sign may be followed by anything. */
        private ZoneOffset wordEnds(ZoneOffset named) {
            return Character.isLetterOrDigit(peek()) ? null : named;
        }

        private ZoneOffset namedOrSigned() {
            boolean named = text.startsWith("UTC", at) || text.startsWith("GMT", at);
            at += named ? 3 : 0;
            int sign = at;
            if ((peek() != '+' && peek() != '-') || !isDigit(at + 1)) {
                return named ? wordEnds(ZoneOffset.UTC) : null;
            }
            int digits = 1;
            while (isDigit(at + 1 + digits)) {
                digits++;
            }
            if (digits != 4 && digits > 2) {
                return null;
            }
            at += 1 + digits;
            if (digits <= 2 && peek() == ':' && isDigit(at + 1) && isDigit(at + 2) && !isDigit(at + 3)) {
                at += 3;
            }
            return CampaignTimestamps.offsetOf(text.substring(sign, at));
        }
    }
}
