package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.sweep.SweepReport;

import java.util.List;

/**
 * Which answers become alerts, and when: the one policy, one method per answer type (the compiler picks it).
 *
 * <p>Contract, which is what makes alerts go out <em>once</em> without any state: a scheduled source reports
 * only what its own run found (the audit: the instances as checked now, once a day; the sweep: only failures
 * since its previous scheduled run), so two runs never report the same failure. What is not worth a person's
 * time (CLEAR, NO_MATCH) yields no finding.
 */
public final class FindingSources {

    private FindingSources() {
    }

    /** The scheduled audit: always sent. */
    public static List<Finding> toSend(AuditReport report) {
        return AuditFindings.of(report.checkedAt(), report.instances());
    }

    /** The scheduled Campaign sweep: always sent. */
    public static List<Finding> toSend(SweepReport report) {
        return SweepFindings.of(report);
    }

    /** An on-demand verdict: only when {@code onDemand} ({@code restart-check.alerts.on-demand-match}) is set. */
    public static List<Finding> toSend(Diagnosis diagnosis, boolean onDemand) {
        return onDemand ? DiagnosisFindings.of(diagnosis) : List.of();
    }
}
