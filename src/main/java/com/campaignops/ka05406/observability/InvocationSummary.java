package com.campaignops.ka05406.observability;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.restart.RestartSource;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One invocation, as the log line and the metrics report it: no payload, no header, no secret.
 *
 * @param answers      each answer the invocation gave: a verdict, an instance's audit status, or an error
 * @param upstream     what the restart sources cost it
 * @param alertsSent   alerts delivered to a channel (docs/alerts.md)
 * @param alertsFailed alerts that could not be delivered
 */
public record InvocationSummary(String requestId, EventShape eventShape, List<Reported> answers,
                                UpstreamCost upstream, Duration duration, int alertsSent, int alertsFailed) {

    public InvocationSummary {
        answers = List.copyOf(answers);
    }

    /**
     * @param outcome  a verdict (MATCH…), an audit status (AT_RISK…) or an error code
     * @param instance the execution instance it is about ({@code -} when unknown); {@code null} for an error
     * @param source   the restart source it relied on ({@code -} when none); {@code null} for an error
     */
    public record Reported(Kind kind, String outcome, String instance, String source) {

        public enum Kind { VERDICT, AUDIT_STATUS, ERROR }

        /** A {@link Verdict} or an {@link AuditStatus}, as {@code kind} says, about an instance. */
        public static Reported about(Kind kind, Enum<?> outcome, String instance, RestartSource source) {
            return new Reported(kind, outcome.name(), Objects.requireNonNullElse(instance, "-"),
                    source == null ? "-" : source.name());
        }

        public static Reported error(String code) {
            return new Reported(Kind.ERROR, code, null, null);
        }
    }

    public long count(Reported.Kind kind, String outcome) {
        return answers.stream().filter(a -> a.kind() == kind && a.outcome().equals(outcome)).count();
    }

    public long errors() {
        return answers.stream().filter(a -> a.kind() == Reported.Kind.ERROR).count();
    }
}
