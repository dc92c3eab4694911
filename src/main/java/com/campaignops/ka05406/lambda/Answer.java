package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.observability.EventShape;
import com.campaignops.ka05406.observability.InvocationSummary;
import com.campaignops.ka05406.observability.UpstreamCost;

import java.time.Duration;

/**
 * What one invocation answers: its outcome, the HTTP reply that carries it to a webhook caller (else
 * {@code null}), and what the restart sources cost; its log line and metrics are drawn from these.
 */
record Answer(EventShape shape, Outcome outcome, HttpReply httpReply, UpstreamCost upstream) {

    static Answer of(EventShape shape, Outcome outcome, UpstreamCost upstream) {
        return new Answer(shape, outcome, null, upstream);
    }

    /** The same outcome, sent as an HTTP response. */
    Answer asHttp(HttpReply reply) {
        return new Answer(shape, outcome, reply, upstream);
    }

    /** What the function returns: the HTTP reply for a webhook, else the outcome as its JSON value. */
    Object response() {
        return httpReply != null ? httpReply : outcome;
    }

    InvocationSummary summary(String requestId, Duration duration) {
        return new InvocationSummary(requestId, shape, outcome.reported(), upstream, duration, outcome.alertsSent(),
                outcome.alertsFailed());
    }
}
