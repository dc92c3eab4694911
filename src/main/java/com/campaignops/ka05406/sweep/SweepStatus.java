package com.campaignops.ka05406.sweep;

/** One mcSynch workflow's standing after a sweep. */
public enum SweepStatus {
    /** A failure in the lookback is KA-05406 (verdict MATCH). */
    FAILING,
    /** No recent KA-05406 failure, but the audit finds a run in the restart window, the signature recurred in the history, or a recent failure could not be ruled out. */
    AT_RISK,
    /** Nothing of the above. */
    CLEAR,
    /** Campaign could not be read; {@code reason} says why. */
    UNKNOWN
}
