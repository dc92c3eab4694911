package com.campaignops.ka05406.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Turns a restart into KA-05406's fix: start the workflow 5 or 10 minutes after it. */
public final class Recommender {

    static final String CAVEAT = "Adobe advises against changing the schedule of the Message Center archiving "
            + "(mcSynch) workflow, as tracking data pulled from the execution instance may be lost; if you move it, "
            + "move the execution instance's 'tracking' workflow by the same offset so the two stay aligned.";

    private final DiagnosisRules rules;

    public Recommender(DiagnosisRules rules) {
        this.rules = rules;
    }

    /**
     * @param anchor         the restart the workflow must clear, as it recurs (normally the scheduled one)
     * @param lastUnavailable the last sign the server was down: the failure or the reported process start
     * @param controlZone    the zone the control instance's scheduler works in
     */
    public Recommendation recommend(String workflow, Instant anchor, Instant lastUnavailable, ZoneId controlZone,
                                    WorkflowSchedule schedule) {
        Duration lateness = Duration.between(anchor, lastUnavailable);
        int offset = lateness.compareTo(rules.quickRecovery()) <= 0
                ? rules.shortOffsetMinutes() : rules.longOffsetMinutes();
        Instant start = ceilToMinute(anchor.plus(Duration.ofMinutes(offset)));
        String startText = hoursAndMinutes(start, controlZone);
        String restartText = hoursAndMinutes(anchor, controlZone);
        String zone = controlZone.getId();
        List<String> steps = List.of(
                "Check the journal of workflow " + workflow + " on the control (marketing) instance: its Logon error "
                        + "coincides with the execution server's restart at " + restartText + " (" + zone + ").",
                "On the control instance, open Administration > Production > Message Center > Technical workflows > "
                        + workflow + ", double-click its Scheduler activity and click Change...",
                "Set the start time to " + startText + " (" + zone + "), " + offset + " minutes after the restart, "
                        + "keeping its frequency (" + schedule.every().toMinutes() + " min) so no run starts at "
                        + restartText + ".",
                "Save, restart the workflow, and check its journal after the next server restart.");
        return new Recommendation(offset, startText, zone, steps, CAVEAT);
    }

    /** HH:mm, as the scheduler shows it; written out, as DateTimeFormatter was a visible share of a decision (JMH). */
    private static String hoursAndMinutes(Instant instant, ZoneId zone) {
        LocalTime time = LocalTime.ofInstant(instant, zone);
        return (time.getHour() < 10 ? "0" : "") + time.getHour() + (time.getMinute() < 10 ? ":0" : ":") + time.getMinute();
    }

    private static Instant ceilToMinute(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MINUTES);
        return truncated.equals(instant) ? truncated : truncated.plus(Duration.ofMinutes(1));
    }
}
