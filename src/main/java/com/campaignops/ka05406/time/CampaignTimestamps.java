package com.campaignops.ka05406.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the timestamps Campaign operators actually paste or export.
 *
 * <p>One grammar covers ISO-8601 ({@code 2024-06-13T04:00:03.512Z}), the SOAP/journal form
 * ({@code 2024-06-13 04:00:03.512Z}), the {@code /r/test} form with an hour-only offset
 * ({@code 2021-08-27 08:02:07.963-07}), the older slash form ({@code 2024/06/13 04:00:03}) and
 * local times, which are only meaningful with a zone. As a regular expression:
 * <pre>
 * (\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?: ?(Z|UTC(?![+-]\d)|[+-]\d{2}(?::?\d{2})?))?
 * </pre>
 * It is read by hand, not by that expression: every journal line starts with a timestamp, and the regex was
 * the largest cost of reading a notification (bench/README.md). {@code CampaignTimestampsTest} checks the
 * reader against the expression on generated text.
 */
public final class CampaignTimestamps {

    private CampaignTimestamps() {
    }

    /**
     * A timestamp as written at some position of a text: its fields, not yet checked as a date, and where it ends.
     *
     * @param offset {@code Z}, {@code UTC}, {@code +02}, {@code +0200} or {@code +02:00}; {@code null} for a local time
     */
    public record Written(int year, int month, int day, int hour, int minute, int second, int nano, String offset, int end) {
        /** Checked as a date, its offset read: as {@link TimestampReader} gives it. */
        TimeReading reading() {
            return new TimeReading(LocalDateTime.of(year, month, day, hour, minute, second, nano), null,
                    offset == null ? null : offsetOf(offset), DateOrder.YMD, end);
        }
    }

    /**
     * @throws DateTimeException with a message fit for the caller when the text is not a timestamp, or has no offset
     */
    public static Instant parse(String text) {
        String stripped = text.strip();
        Written written = readAt(stripped, 0);
        if (written == null || written.end() != stripped.length()) {
            throw new DateTimeException("'" + text + "' is not a date-time: expected ISO-8601 "
                    + "(2024-06-13T04:00:03Z) or Campaign's 2024-06-13 04:00:03.512Z");
        }
        TimeReading reading = written.reading();
        if (reading.offset() == null) {
            throw new DateTimeException("'" + text + "' has no UTC offset: add one (Z, +02:00) or give timeZone");
        }
        return reading.instant(DateOrder.YMD, null);
    }

    /** The longest timestamp the grammar reads starting exactly at {@code from}, or {@code null} if none starts there. */
    public static Written readAt(String text, int from) {
        int i = from;
        if (!digits(text, i, 4) || !isOneOf(text, i + 4, '-', '/') || !digits(text, i + 5, 2)
                || !isOneOf(text, i + 7, '-', '/') || !digits(text, i + 8, 2) || !isOneOf(text, i + 10, 'T', ' ')
                || !digits(text, i + 11, 2) || !isAt(text, i + 13, ':') || !digits(text, i + 14, 2)) {
            return null;
        }
        int year = number(text, i, 4);
        int month = number(text, i + 5, 2);
        int day = number(text, i + 8, 2);
        int hour = number(text, i + 11, 2);
        int minute = number(text, i + 14, 2);
        i += 16;
        int second = 0;
        int nano = 0;
        if (isAt(text, i, ':') && digits(text, i + 1, 2)) {
            second = number(text, i + 1, 2);
            int end = fractionEnd(text, i + 3);
            nano = nanoOf(text, i + 3, end);
            i = end;
        }
        // The space belongs to the offset: a local time must not swallow the space after it.
        int o = isAt(text, i, ' ') ? i + 1 : i;
        int offsetEnd = offsetEnd(text, o);
        return new Written(year, month, day, hour, minute, second, nano,
                offsetEnd < 0 ? null : text.substring(o, offsetEnd), offsetEnd < 0 ? i : offsetEnd);
    }

    /** Where {@code Z|UTC(?![+-]\d)|[+-]\d{2}(?::?\d{2})?} starting at {@code i} ends, or -1. */
    private static int offsetEnd(String text, int i) {
        if (isAt(text, i, 'Z')) {
            return i + 1;
        }
        if (text.startsWith("UTC", i)) {
            // UTC+02:00 is a written offset the console grammar (TimestampReader) reads whole; SOAP never writes it.
            return isOneOf(text, i + 3, '+', '-') && digits(text, i + 4, 1) ? -1 : i + 3;
        }
        if (!isOneOf(text, i, '+', '-') || !digits(text, i + 1, 2)) {
            return -1;
        }
        int end = i + 3;
        if (isAt(text, end, ':') && digits(text, end + 1, 2)) {
            return end + 3;
        }
        return digits(text, end, 2) ? end + 2 : end;
    }

    /** Where a fraction of a second ({@code [.,]\d{1,9}}) at {@code i} ends: {@code i} when there is none. */
    static int fractionEnd(String text, int i) {
        if (!isOneOf(text, i, '.', ',')) {
            return i;
        }
        int end = i + 1;
        while (end < i + 10 && digits(text, end, 1)) {
            end++;
        }
        return end == i + 1 ? i : end;
    }

    /** The nanoseconds of the fraction {@code text[i, end)} that {@link #fractionEnd} found. */
    static int nanoOf(String text, int i, int end) {
        int nano = 0;
        for (int k = i + 1; k < i + 10; k++) {
            nano = nano * 10 + (k < end ? text.charAt(k) - '0' : 0);
        }
        return nano;
    }

    /**
     * Epoch seconds or milliseconds as a string of 9 to 13 digits, or any text form {@link #parse} reads: what a
     * JSON string holding a time may be.
     */
    public static Instant fromText(String text) {
        String stripped = text.strip();
        // 9 to 13 digits: epoch seconds since 1973 or milliseconds.
        return stripped.length() >= 9 && stripped.length() <= 13 && digits(stripped, 0, stripped.length())
                ? fromEpoch(Long.parseLong(stripped)) : parse(stripped);
    }

    /** Fractional epoch seconds, as Python's time.time() and many alerting tools write them. */
    public static Instant fromFractionalEpoch(double value) {
        return value <= 100_000_000_000d ? Instant.ofEpochMilli(Math.round(value * 1000)) : fromEpoch((long) value);
    }

    /** Epoch seconds or milliseconds; values past the year 5138 in seconds are read as milliseconds. */
    public static Instant fromEpoch(long value) {
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    /** {@code Z}, {@code UTC}, or a sign and {@code h}, {@code hh}, {@code h:mm}, {@code hhmm}, {@code hh:mm}. */
    public static ZoneOffset offsetOf(String offset) {
        if (offset.equals("Z") || offset.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        String digits = offset.replace(":", "");
        int hoursEnd = digits.length() <= 3 ? digits.length() : digits.length() - 2;
        return ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, hoursEnd)),
                hoursEnd == digits.length() ? 0 : Integer.parseInt(digits.charAt(0) + digits.substring(hoursEnd)));
    }

    /** {@code count} ASCII digits at {@code i}: what {@code \d} means in a Java regex. */
    public static boolean digits(String text, int i, int count) {
        if (i < 0 || i + count > text.length()) {
            return false;
        }
        for (int k = i; k < i + count; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int i, int count) {
        int value = 0;
        for (int k = i; k < i + count; k++) {
            value = value * 10 + (text.charAt(k) - '0');
        }
        return value;
    }

    private static boolean isOneOf(String text, int i, char a, char b) {
        return isAt(text, i, a) || isAt(text, i, b);
    }

    private static boolean isAt(String text, int i, char c) {
        return i < text.length() && text.charAt(i) == c;
    }
}
