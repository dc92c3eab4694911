package com.campaignops.ka05406.time;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A date-time as written somewhere in a text, read as far as the text allows.
 *
 * @param local       the reading; for a numeric date that could be either way round, the day-first one
 * @param monthFirst  for such a date (both numbers 12 or less, and different), the month-first reading;
 *                    {@code null} when the text allows only one
 * @param offset      the UTC offset written with it, or {@code null} for a local time
 * @param shown       the date order the text itself proves ({@code 27/10/2025} is day first), or {@code null}
 *                    when it proves none
 * @param end         where the timestamp ends in the text
 */
public record TimeReading(LocalDateTime local, LocalDateTime monthFirst, ZoneOffset offset, DateOrder shown,
                          int end) {

    /** Read in {@code order} if ambiguous; {@code zone} (the input zone) places a local time, not a written offset. */
    public Instant instant(DateOrder order, ZoneId zone) {
        LocalDateTime chosen = monthFirst != null && order == DateOrder.MDY ? monthFirst : local;
        if (offset != null) {
            return chosen.toInstant(offset);
        }
        // In a DST overlap the earlier offset wins; in a gap the time moves forward, as the clock did.
        return ZonedDateTime.ofLocal(chosen, zone, null).toInstant();
    }
}
