package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.sweep.SweepStatus;
import com.campaignops.ka05406.sweep.WorkflowReport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled Campaign sweep: its audit's instances as {@link AuditFindings} reads them, each workflow whose
 * recent run failed as KA-05406 (FAILING), and each workflow Campaign could not be read for (UNKNOWN).
 *
 * <p>Once: the schedule runs daily (template.yaml, AuditSchedule), and only failures of the last
 * {@link #SINCE_PREVIOUS_RUN} are sent, so a failure the previous run already reported is not sent again even
 * though the sweep's lookback overlaps it by a margin.
 */
final class SweepFindings {

    /** The schedule's period: the sweep reports only what happened since the previous scheduled run. */
    static final Duration SINCE_PREVIOUS_RUN = Duration.ofDays(1);

    private SweepFindings() {
    }

    static List<Finding> of(SweepReport report) {
        List<Finding> findings = new ArrayList<>();
        Instant since = report.checkedAt().minus(SINCE_PREVIOUS_RUN);
        for (WorkflowReport workflow : report.workflows()) {
            if (workflow.status() == SweepStatus.FAILING) {
                latestMatchSince(workflow, since).ifPresent(failure -> findings.add(new Finding(Finding.Kind.FAILING,
                        workflow.workflow(), workflow.instance(), failure.failedAt(), zoneOf(workflow, failure), null,
                        failure.restartAt(), failure.restartSource(), null, failure.evidence(),
                        failure.recommendation() != null ? failure.recommendation() : workflow.recommendation())));
            } else if (workflow.status() == SweepStatus.UNKNOWN) {
                findings.add(new Finding(Finding.Kind.CAMPAIGN_UNREADABLE, workflow.workflow(), workflow.instance(),
                        report.checkedAt(), zoneOf(workflow, null), null, null, null, workflow.reason(),
                        workflow.evidence(), null));
            }
        }
        findings.addAll(AuditFindings.of(report.checkedAt(), report.instances()));
        return findings;
    }

    private static Optional<Diagnosis> latestMatchSince(WorkflowReport workflow, Instant since) {
        return workflow.failures().stream()
                .filter(d -> d.verdict() == Verdict.MATCH && d.failedAt() != null && d.failedAt().isAfter(since))
                .max(Comparator.comparing(Diagnosis::failedAt));
    }

    /** The control zone: the fix's, else the cadence's (the zone the journal's runs were read in), else UTC. */
    private static String zoneOf(WorkflowReport workflow, Diagnosis failure) {
        if (failure != null && failure.recommendation() != null && failure.recommendation().timeZone() != null) {
            return failure.recommendation().timeZone();
        }
        if (workflow.cadence() != null && workflow.cadence().timeZone() != null) {
            return workflow.cadence().timeZone();
        }
        return "UTC";
    }
}
