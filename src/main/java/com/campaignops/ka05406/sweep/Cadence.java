package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Messages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow's real schedule, inferred from when its runs started.
 *
 * @param everyMinutes the most common interval between consecutive starts
 * @param firstRun     the first run of the day in {@code timeZone}, {@code HH:mm}
 * @param runs         run starts it was inferred from
 * @param description  e.g. "every 60 min at :00, from 31 runs", in the reader's language
 */
public record Cadence(int everyMinutes, String firstRun, int runs, String timeZone, String description) {

    /** Fewer runs say nothing about a schedule. */
    static final int MIN_RUNS = 3;

    public WorkflowSchedule toSchedule() {
        return new WorkflowSchedule(Duration.ofMinutes(everyMinutes), LocalTime.parse(firstRun));
    }

    /**
     * The interval most consecutive starts are apart (to the minute), if at least half of them agree, and
     * the minute of the day the starts fall on modulo that interval (the most common one); its description in
     * {@code messages}' language ({@code firstRun} stays HH:mm).
     */
    public static Optional<Cadence> infer(List<Instant> starts, ZoneId zone, Messages messages) {
        if (starts.size() < MIN_RUNS) {
            return Optional.empty();
        }
        List<Instant> sorted = starts.stream().sorted().toList();
        Map<Long, Integer> intervals = new HashMap<>();
        for (int i = 1; i < sorted.size(); i++) {
            long minutes = Math.round(Duration.between(sorted.get(i - 1), sorted.get(i)).toSeconds() / 60.0);
            if (minutes >= 1 && minutes <= 24 * 60) {
                intervals.merge(minutes, 1, Integer::sum);
            }
        }
        long every = mostCommon(intervals);
        if (every < 0 || intervals.get(every) * 2 < sorted.size() - 1) {
            return Optional.empty();
        }
        Map<Long, Integer> phases = new HashMap<>();
        for (Instant start : sorted) {
            phases.merge(LocalTime.ofInstant(start, zone).toSecondOfDay() / 60 % every, 1, Integer::sum);
        }
        long phase = mostCommon(phases);
        String firstText = DiagnosisRules.HH_MM.format(LocalTime.ofSecondOfDay(phase * 60));
        String description = every == 60
                ? messages.get("sweep.cadence.hourly", every, String.format("%02d", phase), sorted.size())
                : messages.get("sweep.cadence.from", every, firstText, sorted.size());
        return Optional.of(new Cadence((int) every, firstText, sorted.size(), zone.getId(), description));
    }

    /** The key seen most often; of equals, the smallest. -1 when there is none. */
    private static long mostCommon(Map<Long, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.<Long, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).map(Map.Entry::getKey).orElse(-1L);
    }
}
