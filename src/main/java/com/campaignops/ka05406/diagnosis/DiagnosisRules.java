package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The decision rule, all of it configurable.
 *
 * @param windowBefore   how long before the restart a failure still counts: the web process stops
 *                       before the start date that monitoring reports
 * @param quickRecovery  if the last sign of unavailability is within this of the restart, the short
 *                       offset is enough; otherwise the long one
 * @param shortOffsetMinutes the article's 5 minutes
 * @param longOffsetMinutes  the article's 10 minutes
 */
public record DiagnosisRules(Duration windowBefore, Duration windowAfter, Duration quickRecovery,
                             int shortOffsetMinutes, int longOffsetMinutes) {

    public static final DiagnosisRules DEFAULT =
            new DiagnosisRules(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(3), 5, 10);
    public static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public DiagnosisRules {
        if (windowBefore.isNegative() || windowAfter.isNegative() || quickRecovery.isNegative()) {
            throw new IllegalArgumentException("rule windows must not be negative");
        }
        if (shortOffsetMinutes <= 0 || longOffsetMinutes < shortOffsetMinutes) {
            throw new IllegalArgumentException("offsets must be positive and the long one at least the short one");
        }
    }

    /** Whether a failure at {@code failedAt} falls in the window around a restart at {@code restartAt}. */
    public boolean coincides(Instant failedAt, Instant restartAt) {
        // Instants, not a negated Duration: Duration.negated() goes through BigDecimal on Java 17.
        return !failedAt.isBefore(restartAt.minus(windowBefore)) && !failedAt.isAfter(restartAt.plus(windowAfter));
    }

    public String describeWindow(Messages messages) {
        return messages.get("window.describe", windowBefore.toMinutes(), windowAfter.toMinutes());
    }

    /**
     * KA-05406's fix for a restart: start the workflow 5 or 10 minutes after it.
     *
     * @param anchor         the restart the workflow must clear, as it recurs (normally the scheduled one)
     * @param lastUnavailable the last sign the server was down: the failure or the reported process start
     * @param controlZone    the zone the control instance's scheduler works in
     * @param messages       the reader's language and clock, for the steps and the caveat ({@code schedulerStart}
     *                       stays HH:mm)
     */
    public Recommendation recommend(String workflow, Instant anchor, Instant lastUnavailable, ZoneId controlZone,
                                    WorkflowSchedule schedule, Messages messages) {
        Duration lateness = Duration.between(anchor, lastUnavailable);
        int offset = lateness.compareTo(quickRecovery) <= 0 ? shortOffsetMinutes : longOffsetMinutes;
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
