package com.campaignops.ka05406.observability;

import com.campaignops.ka05406.service.Upstream;

import java.time.Duration;
import java.util.List;

/**
 * One invocation, as the log line and the metrics report it: no payload, no header, no secret.
 *
 * @param outcomes   per answer: a verdict (MATCH…), an audit status (AT_RISK…) or an error code
 * @param instances  the execution instances the answers are about, where known
 * @param sources    the restart sources the answers relied on (HTTP_JSON, SCHEDULE…), where any
 * @param alertsSent   alerts delivered to a channel (README, Alerts)
 * @param alertsFailed alerts that could not be delivered
 */
public record InvocationSummary(String requestId, String eventShape, List<String> outcomes, List<String> instances,
                                List<String> sources, Upstream upstream, Duration duration, int alertsSent,
                                int alertsFailed) {

    public InvocationSummary {
        outcomes = List.copyOf(outcomes);
        instances = List.copyOf(instances);
        sources = List.copyOf(sources);
    }

    /** An invocation that sent no alert. */
    public InvocationSummary(String requestId, String eventShape, List<String> outcomes, List<String> instances,
                             List<String> sources, Upstream upstream, Duration duration) {
        this(requestId, eventShape, outcomes, instances, sources, upstream, duration, 0, 0);
    }

    public InvocationSummary withAlerts(int sent, int failed) {
        return new InvocationSummary(requestId, eventShape, outcomes, instances, sources, upstream, duration, sent,
                failed);
    }
}
