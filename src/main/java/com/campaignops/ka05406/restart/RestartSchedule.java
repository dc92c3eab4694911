package com.campaignops.ka05406.restart;

import com.campaignops.ka05406.time.Distance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The daily restart an execution server performs at {@code processRestartTime}, server (OS) time.
 * Being local time, it moves in UTC twice a year; this is the one place that knows.
 *
 * @param zoneAssumed whether {@code serverZone} is a guess standing in for a zone nobody configured
 */
public record RestartSchedule(LocalTime processRestartTime, ZoneId serverZone, boolean zoneAssumed) {

    public RestartSchedule(LocalTime processRestartTime, ZoneId serverZone) {
        this(processRestartTime, serverZone, false);
    }

    /** The scheduled restart closest to {@code moment}, on the day before, of or after it. */
    public Instant nearestTo(Instant moment) {
        LocalDate day = moment.atZone(serverZone).toLocalDate();
        return Distance.nearest(List.of(restartOn(day.minusDays(1)), restartOn(day), restartOn(day.plusDays(1))), moment);
    }

    /**
     * Of several possible schedules, the one whose restart is nearest {@code moment}: with the server's zone
     * unknown, the restart the failure can be compared with is the nearest of the plausible ones.
     */
    public static RestartSchedule nearestOf(List<RestartSchedule> candidates, Instant moment) {
        return candidates.stream()
                .min(Comparator.comparing(schedule -> Distance.between(schedule.nearestTo(moment), moment)))
                .orElseThrow();
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
        return DateTimeFormatter.ISO_LOCAL_TIME.format(processRestartTime.withNano(0)) + " " + serverZone.getId()
                + (zoneAssumed ? ", assumed as no server zone is configured" : "");
    }
}
