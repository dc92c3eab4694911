package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.diagnosis.Recommendation;
import com.campaignops.ka05406.restart.RestartSource;

import java.time.Instant;
import java.util.List;

/**
 * One thing a person must act on, whatever answer it came from: an audit's instance at risk or unknown, an
 * on-demand MATCH, a failing mcSynch run the Campaign sweep found, or a workflow it could not read. Data only: every
 * human sentence about it is written by {@link AlertText}.
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
        /** Audit: the restart time could not be read, so the instance could not be checked. */
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
}
