package com.campaignops.ka05406.restart;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.time.Distance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The daily restart an execution server performs at {@code processRestartTime}, server (OS) time.
 * Being local time, it moves in UTC twice a year; this is the one place that knows.
 *
 * @param zoneBasis where {@code serverZone} comes from; when nobody said, UTC stands in and nothing may be
 *                  concluded from the schedule alone
 */
public record RestartSchedule(LocalTime processRestartTime, ZoneId serverZone, ZoneBasis zoneBasis) {

    public enum ZoneBasis {
        /** restart-check.scheduled-restart.server-time-zone, or the instance's server-time-zone. */
        CONFIGURED,
        /** The notification's timeZone, taken as the server's since none is configured. */
        NOTIFICATION,
        /** No zone configured or given: UTC stands in, and the schedule can neither match nor rule out. */
        UNKNOWN
    }

    public RestartSchedule(LocalTime processRestartTime, ZoneId serverZone) {
        this(processRestartTime, serverZone, ZoneBasis.CONFIGURED);
    }

    /**
     * The schedule in the configured server zone, else the notification's zone (what the caller says it works
     * in), else UTC standing in for a zone nobody knows, which the diagnosis must not trust.
     */
    public static RestartSchedule of(LocalTime processRestartTime, ZoneId configuredZone, ZoneId callerZone) {
        if (configuredZone != null) {
            return new RestartSchedule(processRestartTime, configuredZone);
        }
        return callerZone == null
                ? new RestartSchedule(processRestartTime, ZoneId.of("UTC"), ZoneBasis.UNKNOWN)
                : new RestartSchedule(processRestartTime, callerZone, ZoneBasis.NOTIFICATION);
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
        return Distance.nearest(candidates, moment);
    }

    /** The most recent scheduled restart at or before {@code moment}. */
    public Instant latestAtOrBefore(Instant moment) {
        Instant nearest = nearestTo(moment);
        if (!nearest.isAfter(moment)) {
            return nearest;
        }
        return restartOn(nearest.atZone(serverZone).toLocalDate().minusDays(1));
    }

    private Instant restartOn(LocalDate day) {
        return ZonedDateTime.of(day, processRestartTime, serverZone).toInstant();
    }

    @Override
    public String toString() {
        return describe(Messages.english());
    }

    /** {@code 06:00:00 Europe/Paris}, and where the zone comes from; the time is the setting's value, as written. */
    public String describe(Messages messages) {
        return messages.get(switch (zoneBasis) {
                    case CONFIGURED -> "schedule.configured";
                    case NOTIFICATION -> "schedule.notification";
                    case UNKNOWN -> "schedule.unknown";
                }, DateTimeFormatter.ISO_LOCAL_TIME.format(processRestartTime.withNano(0)), serverZone.getId());
    }
}
