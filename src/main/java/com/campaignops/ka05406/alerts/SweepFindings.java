package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.sweep.SweepPeriod;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.sweep.SweepStatus;
import com.campaignops.ka05406.sweep.WorkflowReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled Campaign sweep: its audit's instances as {@link AuditFindings} reads them, each workflow whose
 * recent run failed as KA-05406 (FAILING), and each workflow Campaign could not be read for (UNKNOWN).
 *
 * <p>Once: a run sends only the failures of its own {@link SweepPeriod} (the period that ends at its scheduled
 * time), so a failure another run reported is not sent again even though the sweep's lookback overlaps it; the
 * unreadable workflows and the audit's instances only from the daily run; an on-demand sweep sends nothing.
 */
final class SweepFindings {

    private SweepFindings() {
    }

    static List<Finding> of(SweepReport report) {
        List<Finding> findings = new ArrayList<>();
        SweepPeriod period = report.period();
        if (period == null) {
            return findings;
        }
        for (WorkflowReport workflow : report.workflows()) {
            if (workflow.status() == SweepStatus.FAILING) {
                latestMatchIn(workflow, period).ifPresent(failure -> findings.add(new Finding(Finding.Kind.FAILING,
                        workflow.workflow(), workflow.instance(), failure.failedAt(), zoneOf(workflow, failure), null,
                        failure.restartAt(), failure.restartSource(), null, failure.evidence(),
                        failure.recommendation() != null ? failure.recommendation() : workflow.recommendation())));
            } else if (workflow.status() == SweepStatus.UNKNOWN && period.daily()) {
                findings.add(new Finding(Finding.Kind.CAMPAIGN_UNREADABLE, workflow.workflow(), workflow.instance(),
                        report.checkedAt(), zoneOf(workflow, null), null, null, null, workflow.reason(),
                        workflow.evidence(), null));
            }
        }
        if (period.daily()) {
            findings.addAll(AuditFindings.of(report.checkedAt(), report.instances()));
        }
        return findings;
    }

    private static Optional<Diagnosis> latestMatchIn(WorkflowReport workflow, SweepPeriod period) {
        return workflow.failures().stream()
                .filter(d -> d.verdict() == Verdict.MATCH && period.owns(d.failedAt()))
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
