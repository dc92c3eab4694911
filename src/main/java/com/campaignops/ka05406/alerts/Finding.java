package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Recommendation;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.sweep.SweepPeriod;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.sweep.SweepStatus;
import com.campaignops.ka05406.sweep.WorkflowReport;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One thing a person must act on, whatever answer it came from: an audit's instance at risk or unknown, an
 * on-demand MATCH, a failing mcSynch run the Campaign sweep found, or a workflow it could not read. Every human
 * sentence about it is written by {@link AlertText}.
 *
 * <p>Which answers become alerts, and when, is the one policy of the {@code toSend} methods, one per answer type (the
 * compiler picks it). Contract, which is what makes alerts go out <em>once</em> without any state: a scheduled source
 * reports only what its own run found (the audit: the instances as checked now, once a day; the sweep: only failures
 * since its previous scheduled run), so two runs never report the same failure. What is not worth a person's time
 * (CLEAR, NO_MATCH) yields no finding.
 *
 * @param at            when it happened or happens: the restart an at-risk run collides with, the failure, the check
 * @param zone          the control instance's time zone, in which {@code at} and {@code run} are shown
 * @param run           the colliding scheduled run, {@code HH:mm} in {@code zone}, when there is one
 * @param restartAt     the execution server's restart compared with, when known
 * @param restartSource where {@code restartAt} came from, when known
 * @param problem       why it could not be checked, as the failing source or Campaign said it ("HTTP 503"), when
 *                      it could not
 * @param evidence      the answer's evidence, in the answer's language: sent whole to the generic webhook only
 * @param fix           the article's fix for this workflow, when one is known
 */
public record Finding(Kind kind, String workflow, String instance, Instant at, String zone, String run,
                      Instant restartAt, RestartSource restartSource, String problem, List<String> evidence,
                      Recommendation fix) {

    /**
     * What was found. A new finding source adds its kinds here; {@link AlertText}'s switches then fail to
     * compile until each has its sentences, so no kind can be sent without text.
     */
    public enum Kind {
        /** Audit: a scheduled run starts inside the restart window; KA-05406 will recur. */
        AT_RISK,
        /** Audit: the restart time could not be read, or placed (no server zone): the instance could not be checked. */
        UNKNOWN,
        /** On demand: this failure is KA-05406. */
        MATCH,
        /** Campaign sweep: a recent run of this mcSynch workflow failed as KA-05406 describes. */
        FAILING,
        /** Campaign sweep: the control instance could not be read, so the workflow could not be checked. */
        CAMPAIGN_UNREADABLE
    }

    /** How urgent, in the order an alert shows them, each with its colour and icon in every channel. */
    public enum Severity {
        /** It failed: the workflow is paused until someone acts. */
        FAILING,
        /** It will fail at the next restart unless its schedule moves. */
        AT_RISK,
        /** Nobody knows yet: something must be checked first. */
        UNKNOWN
    }

    public Finding {
        evidence = List.copyOf(evidence);
    }

    public Severity severity() {
        return switch (kind) {
            case MATCH, FAILING -> Severity.FAILING;
            case AT_RISK -> Severity.AT_RISK;
            case UNKNOWN, CAMPAIGN_UNREADABLE -> Severity.UNKNOWN;
        };
    }

    /** The scheduled audit, always sent: each AT_RISK or UNKNOWN instance; CLEAR is not a finding. */
    public static List<Finding> toSend(AuditReport report) {
        return audit(report.checkedAt(), report.instances());
    }

    /**
     * The scheduled Campaign sweep, always sent: each workflow whose recent run failed as KA-05406 (FAILING), each
     * workflow Campaign could not be read for, and its audit's instances.
     *
     * <p>Once: a run sends only the failures of its own {@link SweepPeriod} (the period that ends at its scheduled
     * time), so a failure another run reported is not sent again even though the sweep's lookback overlaps it; the
     * unreadable workflows and the audit's instances only from the daily run; an on-demand sweep sends nothing.
     */
    public static List<Finding> toSend(SweepReport report) {
        List<Finding> findings = new ArrayList<>();
        SweepPeriod period = report.period();
        if (period == null) {
            return findings;
        }
        for (WorkflowReport workflow : report.workflows()) {
            // The control zone: the fix's, else the cadence's (the zone the journal's runs were read in), else UTC.
            String cadenceZone = workflow.cadence() != null && workflow.cadence().timeZone() != null
                    ? workflow.cadence().timeZone() : "UTC";
            if (workflow.status() == SweepStatus.FAILING) {
                workflow.failures().stream().filter(d -> d.verdict() == Verdict.MATCH && period.owns(d.failedAt()))
                        .max(Comparator.comparing(Diagnosis::failedAt)).ifPresent(failure -> findings.add(new Finding(
                                Kind.FAILING, workflow.workflow(), workflow.instance(), failure.failedAt(),
                                zone(failure.recommendation(), cadenceZone), null, failure.restartAt(),
                                failure.restartSource(), null, failure.evidence(), failure.recommendation() != null
                                ? failure.recommendation() : workflow.recommendation())));
            } else if (workflow.status() == SweepStatus.UNKNOWN && period.daily()) {
                findings.add(new Finding(Kind.CAMPAIGN_UNREADABLE, workflow.workflow(), workflow.instance(),
                        report.checkedAt(), cadenceZone, null, null, null, workflow.reason(), workflow.evidence(),
                        null));
            }
        }
        if (period.daily()) {
            findings.addAll(audit(report.checkedAt(), report.instances()));
        }
        return findings;
    }

    /** An on-demand verdict (webhook, direct, SNS…): a MATCH, and only when {@code onDemand} is set. */
    public static List<Finding> toSend(Diagnosis diagnosis, boolean onDemand) {
        if (!onDemand || diagnosis.verdict() != Verdict.MATCH) {
            return List.of();
        }
        return List.of(new Finding(Kind.MATCH, diagnosis.workflow(), diagnosis.instance(), diagnosis.failedAt(),
                zone(diagnosis.recommendation(), "UTC"), null, diagnosis.restartAt(), diagnosis.restartSource(), null,
                diagnosis.evidence(), diagnosis.recommendation()));
    }

    static List<Finding> audit(Instant checkedAt, List<InstanceAudit> instances) {
        List<Finding> findings = new ArrayList<>();
        for (InstanceAudit audit : instances) {
            String zone = zone(audit.recommendation(), scheduleZone(audit.workflowSchedule()));
            if (audit.status() == AuditStatus.AT_RISK) {
                findings.add(new Finding(Kind.AT_RISK, audit.workflow(), audit.instance(), audit.restartAt(),
                        zone, audit.collidingRun(), audit.restartAt(), audit.restartSource(), null, audit.evidence(),
                        audit.recommendation()));
            } else if (audit.status() == AuditStatus.UNKNOWN) {
                findings.add(new Finding(Kind.UNKNOWN, audit.workflow(), audit.instance(), checkedAt, zone,
                        null, null, audit.restartSource(), audit.restartProblem(), audit.evidence(), null));
            }
        }
        return findings;
    }

    private static String zone(Recommendation fix, String otherwise) {
        return fix != null && fix.timeZone() != null ? fix.timeZone() : otherwise;
    }

    /** The zone the auditor appends to the schedule it compared ("every 60 min from 00:00, Europe/Paris"), or UTC. */
    private static String scheduleZone(String schedule) {
        if (schedule != null && schedule.contains(", ")) {
            try {
                return ZoneId.of(schedule.substring(schedule.lastIndexOf(", ") + 2).strip()).getId();
            } catch (DateTimeException notAZone) {
                // UTC, as when the schedule names none
            }
        }
        return "UTC";
    }
}
