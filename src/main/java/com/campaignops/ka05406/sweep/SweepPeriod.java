package com.campaignops.ka05406.sweep;

import java.time.Duration;
import java.time.Instant;

/**
 * Which of a sweep's findings its run alerts, so that each is alerted exactly once whatever the schedule: the
 * failures of the one period {@code [from, until)} that ends at the run's scheduled time (the scheduled event's
 * {@code time}, not the clock, so a late invocation owns the same period), and, once a day, the unreadable
 * workflows and the audited instances.
 *
 * @param daily the daily run: it alerts the audit's instances and the workflows Campaign could not be read for
 */
public record SweepPeriod(Instant from, Instant until, boolean daily) {

    /** An on-demand sweep: answered to its caller, alerts nothing (the scheduled runs own every failure). */
    public static final SweepPeriod NONE = null;

    public static SweepPeriod ending(Instant scheduledAt, Duration length, boolean daily) {
        return new SweepPeriod(scheduledAt.minus(length), scheduledAt, daily);
    }

    public boolean owns(Instant failedAt) {
        return failedAt != null && !failedAt.isBefore(from) && failedAt.isBefore(until);
    }
}
