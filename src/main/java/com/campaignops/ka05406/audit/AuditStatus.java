package com.campaignops.ka05406.audit;

public enum AuditStatus {
    /** A run of the instance's mcSynch workflow starts inside the restart window: KA-05406 will recur. */
    AT_RISK,
    /** No run starts inside the restart window. */
    CLEAR,
    /** The restart time could not be established. */
    UNKNOWN
}
