package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.campaign.CampaignJournal;
import com.campaignops.ka05406.campaign.CampaignWorkflow;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.Recommendation;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.messages.Text;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.sweep.Runs.Run;
import com.campaignops.ka05406.time.UtcOffsets;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The sweep's rules for one workflow, in plain Java: runs from the journal, a verdict for each failed
 * run of the lookback (by the same core as a notification, given as {@code diagnose}), the recurrence of
 * the signature over the history, the cadence, and at the end the status.
 */
public final class SweepRules {

    private final DiagnosisRules rules;
    private final Runs runs;
    private final int recurrenceMinDays;

    public SweepRules(DiagnosisRules rules, Runs runs, int recurrenceMinDays) {
        this.rules = rules;
        this.runs = runs;
        this.recurrenceMinDays = recurrenceMinDays;
    }

    /**
     * What one workflow's journal shows.
     *
     * @param cadence         empty when the runs show no regular schedule
     * @param restartSchedule the instance's restart as the sweep placed it: at the server zone given, at the one the
     *                        recurrence infers when none is, else of unknown zone
     */
    public record Findings(List<Diagnosis> failures, Recurrence recurrence, Optional<Cadence> cadence,
                           List<String> evidence, RestartSchedule restartSchedule) {
    }

    /**
     * One workflow's journal and what the rules made of it, or why it could not be read: Campaign's reason quoted
     * as it is ({@code sweep.reason.quoted}), or one of ours, put into the reader's language when reported.
     */
    public record Swept(CampaignWorkflow workflow, String instance, Findings findings, Text reason) {
    }

    /**
     * What the audit of an instance takes from the sweep: the schedule its workflow's journal shows (the cadence)
     * unless the configured one is preferred, the sentence saying which, and the restart as the sweep placed it when
     * that names a zone, else {@code null}.
     */
    public record AuditPlan(WorkflowSchedule schedule, String use, RestartSchedule restart) {

        /** @param read what the journals of the instance's workflows showed; empty when none was read */
        public static AuditPlan of(List<Findings> read, WorkflowSchedule configured, boolean preferConfigured,
                                   Messages messages) {
            Cadence cadence = read.isEmpty() ? null : read.get(0).cadence().orElse(null);
            RestartSchedule restart = read.stream().map(Findings::restartSchedule).filter(RestartSchedule::zoneKnown)
                    .findFirst().orElse(null);
            if (cadence != null && !preferConfigured) {
                return new AuditPlan(cadence.toSchedule(), messages.get("sweep.usedCadence", cadence.description()),
                        restart);
            }
            String described = configured.describe(messages);
            // No journal read (no Campaign URL, Campaign unreadable, no such workflow) is said so, not "no cadence".
            return new AuditPlan(configured, cadence != null
                    ? messages.get("sweep.usedConfiguredPreferred", described, cadence.description())
                    : messages.get(read.isEmpty() ? "sweep.usedConfiguredUnread" : "sweep.usedConfigured", described),
                    restart);
        }
    }

    /**
     * @param journal             the workflow's journal over the history
     * @param lookback            failures newer than {@code now - lookback} are diagnosed and listed
     * @param schedule            the instance's scheduled restart, of unknown zone when none is given
     * @param zone                the control instance's zone (recurrence times, cadence)
     * @param diagnose            the core: a notification and the restart schedule the sweep placed in, a verdict out
     * @param restartSourceFailed the instance's restart source gave no usable answer this sweep
     * @param messages            the sentences' language (the one {@code diagnose} answers in)
     */
    public Findings read(String workflow, String instance, CampaignJournal journal, Instant now, Duration lookback,
                         int historyDays, RestartSchedule schedule, ZoneId zone,
                         BiFunction<Notification, RestartSchedule, Diagnosis> diagnose, boolean restartSourceFailed,
                         Messages messages) {
        List<Run> all = runs.group(journal.lines());
        List<Instant> signatureTimes = all.stream().map(Run::signatureAt).filter(t -> t != null).toList();
        List<String> evidence = new ArrayList<>();
        if (journal.capped()) {
            evidence.add(messages.get("sweep.capped", journal.lines().size()));
        }
        Optional<RestartSchedule> inferred = Recurrence.inferServerZone(signatureTimes, schedule, rules,
                recurrenceMinDays);
        if (inferred.isPresent()) {
            schedule = inferred.get();
            evidence.add(messages.get("sweep.zone.inferred", schedule.processRestartTime().withNano(0).toString(),
                    UtcOffsets.describe((ZoneOffset) schedule.serverZone()),
                    Recurrence.daysAtRestart(signatureTimes, schedule, rules)));
        }
        Recurrence recurrence = Recurrence.of(signatureTimes, historyDays, schedule, rules, zone, messages);
        Optional<Cadence> cadence = Cadence.infer(all.stream().map(Run::start).toList(), zone, messages);
        Instant from = now.minus(lookback);
        List<Diagnosis> failures = new ArrayList<>();
        for (Run run : all) {
            if (run.failed() && !run.start().isBefore(from)) {
                Diagnosis diagnosis = diagnose.apply(runs.notification(workflow, instance, run, zone), schedule);
                failures.add(withDailyRecurrence(diagnosis, run, signatureTimes, zone, restartSourceFailed,
                        cadence.map(Cadence::toSchedule).orElse(WorkflowSchedule.ADOBE_DEFAULT), messages));
            }
        }
        return new Findings(failures, recurrence, cadence, evidence, schedule);
    }

    /**
     * With the restart source unavailable, a failure the schedule cannot explain stays INCONCLUSIVE; but the
     * signature at the same time of day on {@code recurrence-min-days} days is a daily restart at that time,
     * whatever the configured schedule says: MATCH, and the evidence says why.
     */
    private Diagnosis withDailyRecurrence(Diagnosis diagnosis, Run run, List<Instant> signatureTimes, ZoneId zone,
                                          boolean restartSourceFailed, WorkflowSchedule workflowSchedule,
                                          Messages messages) {
        if (diagnosis.verdict() != Verdict.INCONCLUSIVE || !restartSourceFailed || run.signatureAt() == null
                || diagnosis.failedAt() == null) {
            return diagnosis;
        }
        Instant failedAt = diagnosis.failedAt();
        int days = Recurrence.daysAtSameTimeOfDay(signatureTimes, failedAt, rules.windowAfter(), zone);
        if (days < recurrenceMinDays) {
            return diagnosis;
        }
        Instant anchor = failedAt.truncatedTo(ChronoUnit.MINUTES);
        List<String> evidence = new ArrayList<>(diagnosis.evidence());
        evidence.add(messages.get("sweep.dailyRecurrence", days,
                messages.time(anchor.atZone(zone).toLocalTime()), zone.getId()));
        Recommendation recommendation = rules.recommend(diagnosis.workflow(), anchor, failedAt, zone,
                workflowSchedule, messages);
        double minutes = Math.round(Duration.between(anchor, failedAt).toMillis() / 600.0) / 100.0;
        return new Diagnosis(diagnosis.knownIssue(), Verdict.MATCH, diagnosis.workflow(), diagnosis.instance(),
                failedAt, anchor, null, minutes, evidence, recommendation, messages.language().tag());
    }

    /**
     * @param workflow what xtk:workflow says
     * @param audit    the audit of the workflow's execution instance, or {@code null} when there is none
     * @param cadenceUse which schedule the audit used, and why
     * @param messages   the sentences' language (state and status are quoted as they are)
     */
    public WorkflowReport report(CampaignWorkflow workflow, String instance, Findings findings, InstanceAudit audit,
                                 String cadenceUse, Messages messages) {
        List<String> evidence = new ArrayList<>();
        Instant since = null;
        if (workflow.isHeld()) {
            since = workflow.lastStart();
            evidence.add(since == null ? messages.get("sweep.held", workflow.internalName(), workflow.stateName())
                    : messages.get("sweep.heldSince", workflow.internalName(), workflow.stateName(), since));
        }
        evidence.addAll(findings.evidence());
        evidence.add(findings.recurrence().summary());
        evidence.add(findings.cadence().map(c -> messages.get("sweep.cadence", c.description(), c.timeZone()))
                .orElse(messages.get("sweep.noCadence", Cadence.MIN_RUNS)));
        if (cadenceUse != null) {
            evidence.add(cadenceUse);
        }
        List<Diagnosis> matches = findings.failures().stream().filter(f -> f.verdict() == Verdict.MATCH).toList();
        Diagnosis lastMatch = matches.isEmpty() ? null : matches.get(matches.size() - 1);
        boolean undecided = findings.failures().stream().anyMatch(f -> f.verdict() == Verdict.INCONCLUSIVE);
        evidence.add(findings.failures().isEmpty() ? messages.get("sweep.noFailure")
                : messages.get("sweep.failures", findings.failures().size(), matches.size()));
        boolean auditAtRisk = audit != null && audit.status() == AuditStatus.AT_RISK;
        if (audit != null) {
            evidence.add(audit.collidingRun() == null ? messages.get("sweep.audit", audit.instance(), audit.status())
                    : messages.get("sweep.auditColliding", audit.instance(), audit.status(), audit.collidingRun()));
        }
        SweepStatus status = lastMatch != null ? SweepStatus.FAILING
                : auditAtRisk || undecided || findings.recurrence().daysAtRestart() > 0 ? SweepStatus.AT_RISK
                : SweepStatus.CLEAR;
        Recommendation recommendation = lastMatch != null ? lastMatch.recommendation()
                : auditAtRisk ? audit.recommendation() : null;
        return new WorkflowReport(workflow.internalName(), instance, workflow.stateName(), since, status,
                findings.failures(), findings.recurrence(), findings.cadence().orElse(null), recommendation, evidence,
                null);
    }

    /** The report of each workflow read, with the audit of its instance (whose first sentence says which schedule). */
    public List<WorkflowReport> reports(List<Swept> swept, List<InstanceAudit> audits, Messages messages) {
        List<WorkflowReport> reports = new ArrayList<>();
        for (Swept s : swept) {
            InstanceAudit audit = audits.stream().filter(a -> a.instance().equalsIgnoreCase(s.instance())).findFirst()
                    .orElse(null);
            reports.add(s.findings() == null ? unknown(s.workflow().internalName(), s.instance(), s.workflow(),
                    messages.render(s.reason()), messages)
                    : report(s.workflow(), s.instance(), s.findings(), audit,
                    audit == null ? null : audit.evidence().get(0), messages));
        }
        return reports;
    }

    /** A workflow that could not be read, or the whole control instance: UNKNOWN ({@code reason} quoted as it is). */
    public static WorkflowReport unknown(String workflowName, String instance, CampaignWorkflow workflow, String reason,
                                         Messages messages) {
        Instant since = workflow != null && workflow.isHeld() ? workflow.lastStart() : null;
        return new WorkflowReport(workflowName, instance, workflow == null ? null : workflow.stateName(), since,
                SweepStatus.UNKNOWN, List.of(), null, null, null,
                List.of(messages.get("sweep.unreadable", reason)), reason);
    }
}
