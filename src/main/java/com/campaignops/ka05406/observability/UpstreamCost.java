package com.campaignops.ka05406.observability;

import java.time.Duration;

/**
 * What answering cost in calls to restart sources: measured by the service, reported in the invocation's log
 * line ({@code upstreamMs}, {@code fallbacks}) and metrics ({@code UpstreamCalls}, {@code Fallbacks},
 * {@code UpstreamLatency}).
 *
 * @param calls     restart sources asked over HTTP
 * @param fallbacks of those, the ones that gave no usable answer, so the schedule was used instead
 * @param time      spent waiting for them
 */
public record UpstreamCost(int calls, int fallbacks, Duration time) {

    public static final UpstreamCost NONE = new UpstreamCost(0, 0, Duration.ZERO);

    public UpstreamCost plus(UpstreamCost other) {
        return new UpstreamCost(calls + other.calls, fallbacks + other.fallbacks, time.plus(other.time));
    }
}
