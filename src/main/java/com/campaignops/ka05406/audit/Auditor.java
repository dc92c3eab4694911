package com.campaignops.ka05406.audit;

import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.diagnosis.Recommendation;
import com.campaignops.ka05406.diagnosis.Recommender;
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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Checks, before any failure, whether an instance's mcSynch schedule runs into its server's restart. */
public final class Auditor {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    /** A daily restart reported longer ago than this suggests the server or the source is not what we think. */
    private static final Duration STALE = Duration.ofHours(36);

    private final DiagnosisRules rules;
    private final Recommender recommender;
    private final WorkflowNames names;

    public Auditor(DiagnosisRules rules, WorkflowNames names) {
        this.rules = rules;
        this.recommender = new Recommender(rules);
        this.names = names;
    }

    public Auditor(DiagnosisRules rules) {
        this(rules, WorkflowNames.DEFAULT);
    }

    public InstanceAudit audit(String instance, RestartFetch fetch, RestartSchedule restartSchedule,
                               WorkflowSchedule workflowSchedule, ZoneId controlZone, Instant now) {
        return audit(instance, fetch, restartSchedule, workflowSchedule, controlZone, now, Messages.english());
    }

    /** @param messages the reader's language and clock ({@code collidingRun} and the recommendation's start stay HH:mm) */
    public InstanceAudit audit(String instance, RestartFetch fetch, RestartSchedule restartSchedule,
                               WorkflowSchedule workflowSchedule, ZoneId controlZone, Instant now, Messages messages) {
        String workflow = names.workflowOf(instance);
        String scheduleText = messages.get("audit.workflowScheduleInZone", workflowSchedule.describe(messages),
                controlZone.getId());
        String scheduledText = restartSchedule.describe(messages);
        List<String> evidence = new ArrayList<>();
        Instant restartAt;
        RestartSource source;
        boolean observed = fetch instanceof RestartFetch.Observed o && !o.restarts().isEmpty();
        if (observed) {
            RestartFetch.Observed o = (RestartFetch.Observed) fetch;
            restartAt = o.restarts().stream().filter(r -> !r.isAfter(now)).max(Comparator.naturalOrder())
                    .orElseGet(() -> o.restarts().stream().max(Comparator.naturalOrder()).orElseThrow());
            source = o.source();
            evidence.add(messages.get("audit.observed", source, restartAt));
        } else if (fetch instanceof RestartFetch.NotConfigured notConfigured) {
            evidence.add(messages.get("restart.notConfigured", notConfigured.reason(messages), scheduledText));
            if (!restartSchedule.zoneKnown()) {
                return withUnknownServerZone(instance, workflow, restartSchedule, workflowSchedule, controlZone, now,
                        scheduleText, evidence, messages);
            }
            restartAt = restartSchedule.latestAtOrBefore(now);
            source = RestartSource.SCHEDULE;
        } else {
            String reason = fetch instanceof RestartFetch.Unavailable u ? u.reason() : messages.get("audit.noneListed");
            evidence.add(messages.get("audit.sourceFailed", reason));
            if (!restartSchedule.zoneKnown()) {
                InstanceAudit byOffset = withUnknownServerZone(instance, workflow, restartSchedule, workflowSchedule,
                        controlZone, now, scheduleText, evidence, messages);
                return new InstanceAudit(instance, workflow, AuditStatus.UNKNOWN, null, null, scheduleText, null,
                        byOffset.evidence(), null, reason);
            }
            Instant scheduled = restartSchedule.latestAtOrBefore(now);
            collidingRun(scheduled, scheduled.plus(Duration.ofMinutes(rules.shortOffsetMinutes())), workflowSchedule,
                    controlZone).ifPresent(run -> evidence.add(messages.get("audit.bySchedule", scheduledText,
                    said(run, controlZone, messages))));
            return new InstanceAudit(instance, workflow, AuditStatus.UNKNOWN, null, null, scheduleText, null,
                    evidence, null, reason);
        }

        List<DailyRestart> restarts = new ArrayList<>();
        if (observed && !restartSchedule.zoneKnown()) {
            // The observed start is the restart as it recurs; a schedule of unknown zone has nothing to add.
            restarts.add(new DailyRestart(restartAt, source, restartAt, restartAt));
        } else if (observed) {
            Instant scheduled = restartSchedule.nearestTo(restartAt);
            if (rules.coincides(restartAt, scheduled)) {
                // The observed start belongs to the scheduled restart; the server was down from the schedule on.
                restarts.add(new DailyRestart(restartAt, source, scheduled, restartAt.isAfter(scheduled) ? restartAt : scheduled));
            } else {
                evidence.add(messages.get("audit.notScheduled", scheduledText));
                restarts.add(new DailyRestart(restartAt, source, restartAt, restartAt));
                Instant daily = restartSchedule.latestAtOrBefore(now);
                restarts.add(new DailyRestart(daily, RestartSource.SCHEDULE, daily, daily));
            }
            if (Duration.between(restartAt, now).compareTo(STALE) > 0) {
                evidence.add(messages.get("audit.stale", Duration.between(restartAt, now).toDays()));
            }
        } else {
            restarts.add(new DailyRestart(restartAt, source, restartAt, restartAt));
        }

        for (DailyRestart restart : restarts) {
            Recommendation recommendation = recommender.recommend(workflow, restart.anchor(), restart.lastUnavailable(),
                    controlZone, workflowSchedule, messages);
            // A run is safe from the start the article's fix gives it (5 or 10 min after the restart) on: a schedule
            // already moved that way must not be flagged again.
            Instant safeFrom = restart.anchor().plus(Duration.ofMinutes(recommendation.offsetMinutes()));
            Optional<Instant> run = collidingRun(restart.anchor(), safeFrom, workflowSchedule, controlZone);
            if (run.isPresent()) {
                String runText = HH_MM.format(run.get().atZone(controlZone));
                evidence.add(messages.get("audit.atRisk", workflow, said(run.get(), controlZone, messages), scheduleText,
                        window(restart, recommendation, controlZone, messages)));
                return new InstanceAudit(instance, workflow, AuditStatus.AT_RISK, restart.shown(), restart.source(),
                        scheduleText, runText, evidence, recommendation, null);
            }
            evidence.add(messages.get("audit.clear", workflow, scheduleText,
                    window(restart, recommendation, controlZone, messages)));
        }
        return new InstanceAudit(instance, workflow, AuditStatus.CLEAR, restartAt, source, scheduleText, null,
                evidence, null, null);
    }

    /**
     * The schedule decides but nobody knows the server's zone: its runs are compared with processRestartTime at
     * every UTC offset in use. CLEAR when no run meets the restart at any of them; otherwise UNKNOWN naming the
     * offsets where one does (all of them, when one does everywhere): AT_RISK needs the restart's instant, since its
     * fix is a start time.
     */
    private InstanceAudit withUnknownServerZone(String instance, String workflow, RestartSchedule restartSchedule,
                                                WorkflowSchedule workflowSchedule, ZoneId controlZone, Instant now,
                                                String scheduleText, List<String> evidence, Messages messages) {
        List<ZoneOffset> colliding = new ArrayList<>();
        List<ZoneOffset> offsets = UtcOffsets.inUse();
        for (ZoneOffset offset : offsets) {
            Instant anchor = restartSchedule.at(offset, RestartSchedule.ZoneBasis.UNKNOWN).latestAtOrBefore(now);
            Instant safeFrom = anchor.plus(Duration.ofMinutes(rules.shortOffsetMinutes()));
            if (collidingRun(anchor, safeFrom, workflowSchedule, controlZone).isPresent()) {
                colliding.add(offset);
            }
        }
        String restart = restartSchedule.processRestartTime().withNano(0).toString();
        if (colliding.isEmpty()) {
            evidence.add(messages.get("audit.zoneUnknownNever", workflow, scheduleText, restart));
            return new InstanceAudit(instance, workflow, AuditStatus.CLEAR, null, RestartSource.SCHEDULE, scheduleText,
                    null, evidence, null, null);
        }
        String where = colliding.size() == offsets.size() ? messages.get("audit.zoneUnknownEverywhere")
                : UtcOffsets.describe(colliding, messages);
        evidence.add(messages.sentences(messages.get("audit.zoneUnknownCollides", workflow, scheduleText, restart, where),
                messages.get("zone.settle")));
        // No source failed: the alert then asks for the server's zone, not for a restart URL to be checked.
        return new InstanceAudit(instance, workflow, AuditStatus.UNKNOWN, null, RestartSource.SCHEDULE, scheduleText,
                null, evidence, null, null);
    }

    /**
     * A restart as it recurs each day.
     *
     * @param shown           what to report: the observed start, or the scheduled time
     * @param anchor          when the server goes down
     * @param lastUnavailable when it is back
     */
    private record DailyRestart(Instant shown, RestartSource source, Instant anchor, Instant lastUnavailable) {
    }

    private String window(DailyRestart restart, Recommendation recommendation, ZoneId controlZone,
                          Messages messages) {
        return messages.get("audit.window", rules.windowBefore().toMinutes(), said(restart.anchor(), controlZone, messages),
                messages.time(LocalTime.parse(recommendation.schedulerStart())), recommendation.offsetMinutes());
    }

    /** A time of day in a sentence: HH:mm, or the 12-hour clock in en-US. */
    private static String said(Instant instant, ZoneId zone, Messages messages) {
        return messages.time(instant.atZone(zone).toLocalTime());
    }

    /** The first workflow run, if any, from {@code windowBefore} before the restart until {@code safeFrom} (excluded). */
    private Optional<Instant> collidingRun(Instant anchor, Instant safeFrom, WorkflowSchedule schedule,
                                           ZoneId controlZone) {
        LocalDate day = anchor.atZone(controlZone).toLocalDate();
        List<Instant> runs = new ArrayList<>();
        for (LocalDate d : List.of(day.minusDays(1), day, day.plusDays(1))) {
            schedule.runsOfDay().forEach(t -> runs.add(ZonedDateTime.of(d, t, controlZone).toInstant()));
        }
        Instant from = anchor.minus(rules.windowBefore());
        return runs.stream().filter(r -> !r.isBefore(from) && r.isBefore(safeFrom)).min(Comparator.naturalOrder());
    }
}
