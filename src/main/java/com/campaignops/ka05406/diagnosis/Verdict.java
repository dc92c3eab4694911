package com.campaignops.ka05406.diagnosis;

public enum Verdict {
    /** The failure is KA-05406: a Logon that ran into the execution server's restart. */
    MATCH,
    /** It is not: another error, another workflow, or a restart time clearly apart from the failure. */
    NO_MATCH,
    /** It could be, but the evidence to tell is missing (no failure time, no usable restart time). */
    INCONCLUSIVE
}
