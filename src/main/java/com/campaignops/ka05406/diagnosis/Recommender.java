package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Turns a restart into KA-05406's fix: start the workflow 5 or 10 minutes after it. */
public final class Recommender {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final DiagnosisRules rules;

    public Recommender(DiagnosisRules rules) {
        this.rules = rules;
    }

    /**
     * @param anchor         the restart the workflow must clear, as it recurs (normally the scheduled one)
     * @param lastUnavailable the last sign the server was down: the failure or the reported process start
     * @param controlZone    the zone the control instance's scheduler works in
     * @param messages       the reader's language and clock, for the steps and the caveat ({@code schedulerStart}
     *                       stays HH:mm)
     */
    public Recommendation recommend(String workflow, Instant anchor, Instant lastUnavailable, ZoneId controlZone,
                                    WorkflowSchedule schedule, Messages messages) {
        Duration lateness = Duration.between(anchor, lastUnavailable);
        int offset = lateness.compareTo(rules.quickRecovery()) <= 0
                ? rules.shortOffsetMinutes() : rules.longOffsetMinutes();
        Instant start = ceilToMinute(anchor.plus(Duration.ofMinutes(offset)));
        String startSaid = messages.time(LocalTime.ofInstant(start, controlZone));
        String restartSaid = messages.time(LocalTime.ofInstant(anchor, controlZone));
        String zone = controlZone.getId();
        List<String> steps = List.of(
                messages.get("step.checkJournal", workflow, restartSaid, zone),
                messages.get("step.openScheduler", workflow),
                messages.get("step.setStart", startSaid, zone, offset, schedule.every().toMinutes(), restartSaid),
                messages.get("step.save"));
        // schedulerStart is HH:mm, as the scheduler shows it, whatever the reader's clock.
        return new Recommendation(offset, HH_MM.format(start.atZone(controlZone)), zone,
                (int) schedule.every().toMinutes(), steps, messages.get("caveat"));
    }

    private static Instant ceilToMinute(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MINUTES);
        return truncated.equals(instant) ? truncated : truncated.plus(Duration.ofMinutes(1));
    }
}
