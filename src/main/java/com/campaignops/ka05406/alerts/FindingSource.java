package com.campaignops.ka05406.alerts;

import java.util.List;

/**
 * The port through which an answer becomes findings to send. One implementation per answer type: the audit
 * report ({@link AuditFindings}), an on-demand diagnosis ({@link DiagnosisFindings}), the Campaign sweep's report
 * ({@link SweepFindings}); each is registered in {@link FindingSources#ALL}, and a new answer type needs only its own.
 *
 * <p>Contract, which is what makes alerts go out <em>once</em> without any state: a scheduled source reports
 * only what its own run found (the audit: the instances as checked now, once a day; the sweep: only failures
 * since its previous scheduled run), so two runs never report the same failure. What is not worth a person's
 * time (CLEAR, NO_MATCH) yields no finding.
 *
 * @param <R> the answer type this source reads
 */
public interface FindingSource<R> {

    Class<R> answerType();

    /** Scheduled findings always go to the configured channels; on-demand ones only when a setting asks. */
    boolean scheduled();

    List<Finding> findings(R answer);
}
