package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.alerts.Alerted;
import com.campaignops.ka05406.observability.EventShape;
import com.campaignops.ka05406.observability.InvocationSummary;
import com.campaignops.ka05406.observability.UpstreamCost;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one invocation answers: its outcome, what the restart sources cost, and for a webhook caller the headers
 * its HTTP reply adds; its log line and metrics are drawn from these.
 */
record Answer(EventShape shape, Outcome outcome, UpstreamCost upstream, Map<String, String> replyHeaders) {

    /** The response API Gateway (REST 1.0 and HTTP 2.0) and Function URLs turn into an HTTP response. */
    record HttpReply(int statusCode, Map<String, String> headers, String body,
                     @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {
    }

    static Answer of(EventShape shape, Outcome outcome, UpstreamCost upstream) {
        return new Answer(shape, outcome, upstream, Map.of());
    }

    /** What the function returns: to a webhook caller the outcome as an HTTP reply's body, else the outcome. */
    Object response(ObjectMapper mapper) throws JsonProcessingException {
        if (shape != EventShape.WEBHOOK) {
            return outcome;
        }
        // Sorted, so a reply's headers read the same in every run (Map.copyOf's order changes from one JVM to the next).
        Map<String, String> headers = new TreeMap<>(replyHeaders);
        headers.put("content-type", "application/json");
        return new HttpReply(outcome.httpStatus(), Collections.unmodifiableMap(headers),
                mapper.writeValueAsString(outcome), false);
    }

    InvocationSummary summary(String requestId, Duration duration) {
        List<Alerted> deliveries = outcome.deliveries();
        return new InvocationSummary(requestId, shape, outcome.reported(), upstream, duration,
                deliveries.stream().mapToInt(Alerted::sent).sum(), deliveries.stream().mapToInt(Alerted::failed).sum());
    }
}
