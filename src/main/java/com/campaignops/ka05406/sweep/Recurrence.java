package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.time.UtcOffsets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How often KA-05406's signature came back over the history: on how many days a run failed with it
 * within the window of that day's scheduled restart, and at which local times.
 *
 * @param days            the history looked at, in days
 * @param daysAtRestart   days with a failure with the signature in that day's restart window
 * @param localTimes      when those failures happened, {@code HH:mm} in {@code timeZone}, distinct, sorted
 * @param daysWithSignature days with the signature at any time
 * @param summary         e.g. "Failed with the signature at 06:00 on 5 of the last 7 days"
 */
public record Recurrence(int days, int daysAtRestart, List<String> localTimes, int daysWithSignature,
                         String timeZone, String summary) {

    public Recurrence {
        localTimes = List.copyOf(localTimes);
    }

    /**
     * @param signatureTimes when runs in the history logged the signature
     * @param messages       the summary's language ({@code localTimes} stay HH:mm)
     */
    public static Recurrence of(List<Instant> signatureTimes, int days, RestartSchedule schedule, DiagnosisRules rules,
                                ZoneId zone, Messages messages) {
        SortedSet<LocalDate> atRestart = new TreeSet<>();
        SortedSet<LocalDate> any = new TreeSet<>();
        SortedSet<String> times = new TreeSet<>();
        for (Instant failure : signatureTimes) {
            LocalDate day = LocalDate.ofInstant(failure, zone);
            any.add(day);
            // A schedule of unknown zone has no instant to compare with.
            if (schedule.zoneKnown() && rules.coincides(failure, schedule.nearestTo(failure))) {
                atRestart.add(day);
                times.add(DiagnosisRules.HH_MM.format(failure.atZone(zone)));
            }
        }
        String summary = !atRestart.isEmpty() ? messages.get("sweep.recurrence.atRestart", messages.commaList(
                List.copyOf(times)), zone.getId(), atRestart.size(), days, schedule.describe(messages))
                : any.isEmpty() ? messages.get("sweep.recurrence.none", days)
                : !schedule.zoneKnown() ? messages.get("sweep.recurrence.zoneUnknown", any.size(), days)
                : messages.get("sweep.recurrence.notAtRestart", any.size(), days, schedule.describe(messages));
        return new Recurrence(days, atRestart.size(), List.copyOf(times), any.size(), zone.getId(), summary);
    }

    /**
     * The server zone the history implies when {@code schedule} has none: the one UTC offset in use at which the
     * signature met {@code processRestartTime} on at least {@code minDays} days, and on more days than at any other
     * offset. Evidence, not a setting: the schedule it returns says {@link RestartSchedule.ZoneBasis#INFERRED}.
     */
    public static Optional<RestartSchedule> inferServerZone(List<Instant> signatureTimes, RestartSchedule schedule,
                                                            DiagnosisRules rules, int minDays) {
        if (schedule.zoneKnown() || signatureTimes.isEmpty()) {
            return Optional.empty();
        }
        RestartSchedule best = null;
        int bestDays = 0;
        boolean tie = false;
        for (ZoneOffset offset : UtcOffsets.inUse()) {
            RestartSchedule candidate = schedule.at(offset, RestartSchedule.ZoneBasis.INFERRED);
            int days = daysAtRestart(signatureTimes, candidate, rules);
            if (days > bestDays) {
                best = candidate;
                bestDays = days;
                tie = false;
            } else if (days == bestDays && days > 0) {
                tie = true;
            }
        }
        return bestDays >= Math.max(1, minDays) && !tie ? Optional.of(best) : Optional.empty();
    }

    /** Days, in the schedule's zone, on which a signature time falls in the window of that day's restart. */
    public static int daysAtRestart(List<Instant> signatureTimes, RestartSchedule schedule, DiagnosisRules rules) {
        SortedSet<LocalDate> days = new TreeSet<>();
        for (Instant t : signatureTimes) {
            Instant restart = schedule.nearestTo(t);
            if (rules.coincides(t, restart)) {
                days.add(LocalDate.ofInstant(restart, schedule.serverZone()));
            }
        }
        return days.size();
    }

    /**
     * Days on which the signature was logged within {@code window} of the same time of day as {@code failure}:
     * a daily recurrence, at whatever time the server really restarts.
     */
    public static int daysAtSameTimeOfDay(List<Instant> signatureTimes, Instant failure, Duration window, ZoneId zone) {
        LocalTime reference = LocalTime.ofInstant(failure, zone);
        SortedSet<LocalDate> days = new TreeSet<>();
        for (Instant t : signatureTimes) {
            long apart = Math.abs(Duration.between(reference, LocalTime.ofInstant(t, zone)).toSeconds());
            apart = Math.min(apart, 24 * 3600 - apart);
            if (apart <= window.toSeconds()) {
                days.add(LocalDate.ofInstant(t, zone));
            }
        }
        return days.size();
    }
}
