package com.campaignops.ka05406.audit;

import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.diagnosis.Recommendation;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.time.UtcOffsets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks, before any failure, whether an instance's mcSynch schedule runs into its server's restart. */
public final class Auditor {

    /** A daily restart reported longer ago than this suggests the server or the source is not what we think. */
    private static final Duration STALE = Duration.ofHours(36);

    private final DiagnosisRules rules;
    private final WorkflowNames names;

    public Auditor(DiagnosisRules rules, WorkflowNames names) {
        this.rules = rules;
        this.names = names;
    }

    /** @param messages the reader's language and clock ({@code collidingRun} and the fix's start stay HH:mm) */
    public InstanceAudit audit(String instance, RestartFetch fetch, RestartSchedule restartSchedule,
                               WorkflowSchedule workflowSchedule, ZoneId controlZone, Instant now, Messages messages) {
        String workflow = names.workflowOf(instance);
        String scheduleText = messages.get("audit.workflowScheduleInZone", workflowSchedule.describe(messages),
                controlZone.getId());
        String scheduledText = restartSchedule.describe(messages);
        List<String> evidence = new ArrayList<>();
        List<DailyRestart> restarts = new ArrayList<>();
        if (fetch instanceof RestartFetch.Observed o && !o.restarts().isEmpty()) {
            Instant restartAt = o.restarts().stream().filter(r -> !r.isAfter(now)).max(Comparator.naturalOrder())
                    .orElseGet(() -> Collections.max(o.restarts()));
            evidence.add(messages.get("audit.observed", o.source(), restartAt));
            // A schedule of unknown zone has nothing to add: the observed start is the restart as it recurs.
            Instant scheduled = restartSchedule.zoneKnown() ? restartSchedule.nearestTo(restartAt) : restartAt;
            if (rules.coincides(restartAt, scheduled)) {
                // The observed start belongs to the scheduled restart; the server was down from the schedule on.
                restarts.add(new DailyRestart(restartAt, o.source(), scheduled,
                        restartAt.isAfter(scheduled) ? restartAt : scheduled));
            } else {
                evidence.add(messages.get("audit.notScheduled", scheduledText));
                restarts.add(DailyRestart.at(restartAt, o.source()));
                restarts.add(DailyRestart.at(restartSchedule.latestAtOrBefore(now), RestartSource.SCHEDULE));
            }
            if (restartSchedule.zoneKnown() && Duration.between(restartAt, now).compareTo(STALE) > 0) {
                evidence.add(messages.get("audit.stale", Duration.between(restartAt, now).toDays()));
            }
        } else {
            String problem = null;
            if (fetch instanceof RestartFetch.NotConfigured notConfigured) {
                evidence.add(messages.get("restart.notConfigured", notConfigured.reason(messages), scheduledText));
            } else {
                problem = fetch instanceof RestartFetch.Unavailable u ? u.reason() : messages.get("audit.noneListed");
                evidence.add(messages.get("audit.sourceFailed", problem));
            }
            if (!restartSchedule.zoneKnown()) {
                return withUnknownServerZone(instance, workflow, restartSchedule, workflowSchedule, controlZone, now,
                        scheduleText, evidence, problem, messages);
            }
            Instant scheduled = restartSchedule.latestAtOrBefore(now);
            if (problem != null) {
                collidingRun(scheduled, rules.shortOffsetMinutes(), workflowSchedule, controlZone)
                        .ifPresent(run -> evidence.add(messages.get("audit.bySchedule", scheduledText,
                                said(run, controlZone, messages))));
                return new InstanceAudit(instance, workflow, AuditStatus.UNKNOWN, null, null, scheduleText, null,
                        evidence, null, problem);
            }
            restarts.add(DailyRestart.at(scheduled, RestartSource.SCHEDULE));
        }

        for (DailyRestart restart : restarts) {
            Recommendation recommendation = rules.recommend(workflow, restart.anchor(), restart.lastUnavailable(),
                    controlZone, workflowSchedule, messages);
            // A run is safe from the start the article's fix gives it (5 or 10 min after the restart) on: a schedule
            // already moved that way must not be flagged again.
            Optional<Instant> run = collidingRun(restart.anchor(), recommendation.offsetMinutes(), workflowSchedule,
                    controlZone);
            String window = messages.get("audit.window", rules.windowBefore().toMinutes(),
                    said(restart.anchor(), controlZone, messages),
                    messages.time(LocalTime.parse(recommendation.schedulerStart())), recommendation.offsetMinutes());
            if (run.isPresent()) {
                evidence.add(messages.get("audit.atRisk", workflow, said(run.get(), controlZone, messages),
                        scheduleText, window));
                return new InstanceAudit(instance, workflow, AuditStatus.AT_RISK, restart.shown(), restart.source(),
                        scheduleText, DiagnosisRules.HH_MM.format(run.get().atZone(controlZone)), evidence,
                        recommendation, null);
            }
            evidence.add(messages.get("audit.clear", workflow, scheduleText, window));
        }
        DailyRestart first = restarts.get(0);
        return new InstanceAudit(instance, workflow, AuditStatus.CLEAR, first.shown(), first.source(), scheduleText,
                null, evidence, null, null);
    }

    /**
     * The schedule decides but nobody knows the server's zone: its runs are compared with processRestartTime at
     * every UTC offset in use. CLEAR when no run meets the restart at any of them; otherwise UNKNOWN naming the
     * offsets where one does (all of them, when one does everywhere), or whenever {@code problem} says the restart
     * source failed: AT_RISK needs the restart's instant, since its fix is a start time.
     */
    private InstanceAudit withUnknownServerZone(String instance, String workflow, RestartSchedule restartSchedule,
                                                WorkflowSchedule workflowSchedule, ZoneId controlZone, Instant now,
                                                String scheduleText, List<String> evidence, String problem,
                                                Messages messages) {
        List<ZoneOffset> offsets = UtcOffsets.inUse();
        List<ZoneOffset> colliding = offsets.stream().filter(offset -> {
            Instant anchor = restartSchedule.at(offset, RestartSchedule.ZoneBasis.UNKNOWN).latestAtOrBefore(now);
            return collidingRun(anchor, rules.shortOffsetMinutes(), workflowSchedule, controlZone).isPresent();
        }).toList();
        String restart = restartSchedule.processRestartTime().withNano(0).toString();
        if (colliding.isEmpty()) {
            evidence.add(messages.get("audit.zoneUnknownNever", workflow, scheduleText, restart));
        } else {
            String where = colliding.size() == offsets.size() ? messages.get("audit.zoneUnknownEverywhere")
                    : UtcOffsets.describe(colliding, messages);
            evidence.add(messages.sentences(messages.get("audit.zoneUnknownCollides", workflow, scheduleText, restart,
                    where), messages.get("zone.settle")));
        }
        // With no source failed, the alert asks for the server's zone, not for a restart URL to be checked.
        AuditStatus status = colliding.isEmpty() && problem == null ? AuditStatus.CLEAR : AuditStatus.UNKNOWN;
        return new InstanceAudit(instance, workflow, status, null, problem == null ? RestartSource.SCHEDULE : null,
                scheduleText, null, evidence, null, problem);
    }

    /**
     * A restart as it recurs each day.
     *
     * @param shown           what to report: the observed start, or the scheduled time
     * @param anchor          when the server goes down
     * @param lastUnavailable when it is back
     */
    private record DailyRestart(Instant shown, RestartSource source, Instant anchor, Instant lastUnavailable) {
        static DailyRestart at(Instant restart, RestartSource source) {
            return new DailyRestart(restart, source, restart, restart);
        }
    }

    private static String said(Instant instant, ZoneId zone, Messages messages) {
        return messages.time(instant.atZone(zone).toLocalTime());
    }

    /** The first run from {@code windowBefore} before the restart until {@code safeAfterMinutes} after (excluded). */
    private Optional<Instant> collidingRun(Instant anchor, int safeAfterMinutes, WorkflowSchedule schedule,
                                           ZoneId controlZone) {
        Instant safeFrom = anchor.plus(Duration.ofMinutes(safeAfterMinutes));
        LocalDate day = anchor.atZone(controlZone).toLocalDate();
        Instant from = anchor.minus(rules.windowBefore());
        return Stream.of(day.minusDays(1), day, day.plusDays(1))
                .flatMap(d -> schedule.runsOfDay().stream().map(t -> ZonedDateTime.of(d, t, controlZone).toInstant()))
                .filter(r -> !r.isBefore(from) && r.isBefore(safeFrom)).min(Comparator.naturalOrder());
    }
}
