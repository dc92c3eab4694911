package com.campaignops.ka05406.alerts;

import java.util.List;

/** Which answers become alerts, and when: the one policy, over every registered {@link FindingSource}. */
public final class FindingSources {

    /** Every source, one per answer type. */
    static final List<FindingSource<?>> ALL = List.of(new AuditFindings(), new SweepFindings(), new DiagnosisFindings());

    private FindingSources() {
    }

    /**
     * What to send for one answer: a scheduled source's findings always; an on-demand source's only when
     * {@code onDemand} is set. Any other answer (an error, a type no source reads) yields nothing.
     */
    public static List<Finding> toSend(Object answer, boolean onDemand) {
        for (FindingSource<?> source : ALL) {
            if (source.answerType().isInstance(answer)) {
                return source.scheduled() || onDemand ? findingsOf(source, answer) : List.of();
            }
        }
        return List.of();
    }

    private static <R> List<Finding> findingsOf(FindingSource<R> source, Object answer) {
        return source.findings(source.answerType().cast(answer));
    }
}
