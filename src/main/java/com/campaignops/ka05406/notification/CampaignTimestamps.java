package com.campaignops.ka05406.notification;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timestamps Campaign operators actually paste or export.
 *
 * <p>One grammar covers ISO-8601 ({@code 2024-06-13T04:00:03.512Z}), the SOAP/journal form
 * ({@code 2024-06-13 04:00:03.512Z}), the {@code /r/test} form with an hour-only offset
 * ({@code 2021-08-27 08:02:07.963-07}), the older slash form ({@code 2024/06/13 04:00:03}) and
 * local times, which are only meaningful with a zone.
 */
public final class CampaignTimestamps {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})[-/](\\d{2})[-/](\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    // The space belongs to the offset: a local time must not swallow the space after it.
                    + "(?: ?(Z|UTC|[+-]\\d{2}(?::?\\d{2})?))?");

    private static final Pattern EPOCH_DIGITS = Pattern.compile("\\d{9,13}");

    private CampaignTimestamps() {
    }

    /** The pattern of a timestamp, for finding one at the start of a log line. */
    static Pattern pattern() {
        return TIMESTAMP;
    }

    /**
     * @param zone the zone of times written without an offset, or {@code null} if there is none
     * @throws DateTimeException with a message fit for the caller when the text is not a timestamp,
     *                           or has no offset and no zone was given
     */
    public static Instant parse(String text, ZoneId zone) {
        Matcher m = TIMESTAMP.matcher(text.strip());
        if (!m.matches()) {
            throw new DateTimeException("'" + text + "' is not a date-time: expected ISO-8601 "
                    + "(2024-06-13T04:00:03Z) or Campaign's 2024-06-13 04:00:03.512Z");
        }
        return toInstant(m, text, zone);
    }

    static Instant toInstant(Matcher m, String text, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9)));
        String offset = m.group(8);
        if (offset != null) {
            return local.toInstant(toOffset(offset));
        }
        if (zone == null) {
            throw new DateTimeException("'" + text + "' has no UTC offset: add one (Z, +02:00) or give timeZone");
        }
        // In a DST overlap the earlier offset wins; in a gap the time moves forward, as the clock did.
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /**
     * A timestamp given as JSON: epoch seconds or milliseconds as a number or a string of digits, or any
     * text form {@link #parse} reads.
     */
    public static Instant fromJson(JsonNode node, ZoneId zone) {
        if (node.isFloatingPointNumber() && node.asDouble() <= 100_000_000_000d) {
            // Fractional epoch seconds, as Python's time.time() and many alerting tools write them.
            return Instant.ofEpochMilli(Math.round(node.asDouble() * 1000));
        }
        if (node.isNumber()) {
            return fromEpoch(node.asLong());
        }
        String text = node.asText().strip();
        return EPOCH_DIGITS.matcher(text).matches() ? fromEpoch(Long.parseLong(text)) : parse(text, zone);
    }

    /** Epoch seconds or milliseconds; values past the year 5138 in seconds are read as milliseconds. */
    public static Instant fromEpoch(long value) {
        return value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    private static ZoneOffset toOffset(String offset) {
        if (offset.equals("Z") || offset.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        String digits = offset.replace(":", "");
        return digits.length() == 3
                ? ZoneOffset.ofHours(Integer.parseInt(digits))
                : ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, 3)),
                        Integer.parseInt(digits.charAt(0) + digits.substring(3)));
    }
}
