package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Recommendation;

import java.time.Instant;
import java.util.List;

/**
 * One mcSynch workflow in the sweep report.
 *
 * @param state          {@code failed}, {@code paused}, {@code started}… ({@code @state}/{@code @failed}), or {@code null} when unread
 * @param since          for a paused or failed workflow, its {@code @lastStart}: held since then
 * @param failures       the verdicts of the runs that failed within the lookback, oldest first
 * @param recurrence     the signature over {@code history-days}; {@code null} when unread
 * @param cadence        the schedule inferred from the journal; {@code null} when unread or the runs show none
 * @param recommendation from the latest MATCH, else from the audit when AT_RISK
 * @param reason         why the status is UNKNOWN; {@code null} otherwise
 */
public record WorkflowReport(String workflow, String instance, String state, Instant since, SweepStatus status,
                             List<Diagnosis> failures, Recurrence recurrence, Cadence cadence,
                             Recommendation recommendation, List<String> evidence, String reason) {

    public WorkflowReport {
        failures = List.copyOf(failures);
        evidence = List.copyOf(evidence);
    }
}
