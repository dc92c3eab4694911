package com.campaignops.ka05406.restart;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.time.UtcOffsets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The daily restart an execution server performs at {@code processRestartTime}, server (OS) time.
 * Being local time, it moves in UTC twice a year; this is the one place that knows.
 *
 * @param serverZone the execution server's zone (the server clock); with {@link ZoneBasis#UNKNOWN} a placeholder
 *                   that nothing may be concluded from: ask {@link #zoneKnown()} first
 */
public record RestartSchedule(LocalTime processRestartTime, ZoneId serverZone, ZoneBasis zoneBasis) {

    /** Where the server zone comes from. Never the zone a time was written in, nor the control instance's. */
    public enum ZoneBasis {
        /** restart-check.scheduled-restart.server-time-zone, or the instance's server-time-zone. */
        CONFIGURED,
        /** The notification's serverTimeZone. */
        NOTIFICATION,
        /** The offset the restart source wrote its times with. */
        RESTART_SOURCE,
        /** The offset at which the journal's daily recurrence meets processRestartTime (the sweep). */
        INFERRED,
        /** Nobody said: the schedule stands only for what holds at every UTC offset in use. */
        UNKNOWN
    }

    public RestartSchedule(LocalTime processRestartTime, ZoneId serverZone) {
        this(processRestartTime, serverZone, ZoneBasis.CONFIGURED);
    }

    /** The schedule in the configured server zone, or of unknown zone when none is configured. */
    public static RestartSchedule of(LocalTime processRestartTime, ZoneId configuredZone) {
        return configuredZone == null ? unknownZone(processRestartTime)
                : new RestartSchedule(processRestartTime, configuredZone);
    }

    public static RestartSchedule unknownZone(LocalTime processRestartTime) {
        return new RestartSchedule(processRestartTime, ZoneId.of("UTC"), ZoneBasis.UNKNOWN);
    }

    /**
     * This schedule, or when its zone is unknown and the restart source wrote its times with their offset, at that
     * offset: the source fixes the zone for its own answer.
     */
    public RestartSchedule placedBy(RestartFetch fetch) {
        return !zoneKnown() && fetch instanceof RestartFetch.Observed observed && observed.serverOffset() != null
                ? at(observed.serverOffset(), ZoneBasis.RESTART_SOURCE) : this;
    }

    /**
     * This schedule, or when nothing before fixed its zone, at the notification's {@code serverTimeZone}: after the
     * settings and the restart source's own offset ({@link #placedBy}), before the sweep's inference.
     *
     * @param notificationZone the notification's {@code serverTimeZone}, or {@code null}
     */
    public RestartSchedule orNotificationZone(ZoneId notificationZone) {
        return zoneKnown() || notificationZone == null ? this : at(notificationZone, ZoneBasis.NOTIFICATION);
    }

    public RestartSchedule at(ZoneId zone, ZoneBasis basis) {
        return new RestartSchedule(processRestartTime, zone, basis);
    }

    public boolean zoneKnown() {
        return zoneBasis != ZoneBasis.UNKNOWN;
    }

    /** The scheduled restart closest to {@code moment}, on the day before, of or after it. */
    public Instant nearestTo(Instant moment) {
        LocalDate day = moment.atZone(serverZone).toLocalDate();
        Instant sameDay = restartOn(day);
        // The day's restart or, on the moment's side of it, the neighbouring day's: the other neighbour is farther.
        // In time order, so that of two equally near the earlier wins.
        List<Instant> candidates = moment.isBefore(sameDay) ? List.of(restartOn(day.minusDays(1)), sameDay)
                : List.of(sameDay, restartOn(day.plusDays(1)));
        return nearest(candidates, moment);
    }

    /** Of {@code candidates} (not empty), the one nearest {@code moment}; the first of those equally near. */
    public static Instant nearest(List<Instant> candidates, Instant moment) {
        Instant nearest = null;
        Duration shortest = null;
        for (Instant candidate : candidates) {
            Duration distance = Duration.between(candidate, moment).abs();
            if (shortest == null || distance.compareTo(shortest) < 0) {
                nearest = candidate;
                shortest = distance;
            }
        }
        return nearest;
    }

    public Instant latestAtOrBefore(Instant moment) {
        Instant nearest = nearestTo(moment);
        return nearest.isAfter(moment) ? restartOn(nearest.atZone(serverZone).toLocalDate().minusDays(1)) : nearest;
    }

    private Instant restartOn(LocalDate day) {
        return ZonedDateTime.of(day, processRestartTime, serverZone).toInstant();
    }

    @Override
    public String toString() {
        return describe(Messages.english());
    }

    /**
     * {@code 06:00:00 Europe/Paris}, and where the zone comes from; the time is the setting's value, as written.
     * An unknown zone is never named: no sentence may call a placeholder the server's zone.
     */
    public String describe(Messages messages) {
        String zone = serverZone instanceof ZoneOffset offset ? UtcOffsets.describe(offset) : serverZone.getId();
        return messages.get(switch (zoneBasis) {
                    case CONFIGURED -> "schedule.configured";
                    case NOTIFICATION -> "schedule.notification";
                    case RESTART_SOURCE -> "schedule.restartSource";
                    case INFERRED -> "schedule.inferred";
                    case UNKNOWN -> "schedule.unknown";
                }, DateTimeFormatter.ISO_LOCAL_TIME.format(processRestartTime.withNano(0)), zone);
    }
}
