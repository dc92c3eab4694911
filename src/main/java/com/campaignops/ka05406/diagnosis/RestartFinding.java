package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.restart.RestartSource;

import java.time.Instant;

/**
 * The restart the failure is compared with.
 *
 * @param restartAt       when it happened (observed) or was due (scheduled)
 * @param canRuleOut      whether a restart apart from the failure proves there was none at the
 *                        failure: false when the schedule stands in for a source that failed
 * @param note            how it was obtained, and why a fallback was used, if one was
 */
public record RestartFinding(Instant restartAt, RestartSource source, boolean canRuleOut,
                             String note) {
}
