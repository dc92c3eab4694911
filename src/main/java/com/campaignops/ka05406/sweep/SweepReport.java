package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.audit.InstanceAudit;

import java.time.Instant;
import java.util.List;

/**
 * One sweep's answer: every mcSynch workflow of the control instance, and the audit of every configured
 * execution instance (with each workflow's real cadence where the journal shows it).
 *
 * @param evidence what concerns the sweep as a whole (the server, why nothing could be read)
 * @param language the BCP 47 tag of the language its sentences are in ({@code restart-check.language})
 * @param period   what this run alerts; {@code null} for an on-demand sweep, which alerts nothing
 */
public record SweepReport(String knownIssue, Instant checkedAt, List<WorkflowReport> workflows,
                          List<InstanceAudit> instances, List<String> evidence, String language, SweepPeriod period) {

    public SweepReport {
        workflows = List.copyOf(workflows);
        instances = List.copyOf(instances);
        evidence = List.copyOf(evidence);
    }
}
