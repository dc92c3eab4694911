package com.campaignops.ka05406.service;

import com.campaignops.ka05406.restart.RestartFetch;

import java.time.Duration;

/**
 * What answering cost in calls to restart sources: feeds the invocation's log line and metrics.
 *
 * @param calls     restart sources asked over HTTP
 * @param fallbacks of those, the ones that gave no usable answer, so the schedule was used instead
 * @param time      spent waiting for them
 */
public record Upstream(int calls, int fallbacks, Duration time) {

    public static final Upstream NONE = new Upstream(0, 0, Duration.ZERO);

    static Upstream of(RestartFetch fetch, long startNanos) {
        if (fetch instanceof RestartFetch.NotConfigured) {
            return NONE;
        }
        return new Upstream(1, fetch instanceof RestartFetch.Unavailable ? 1 : 0,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    public Upstream plus(Upstream other) {
        return new Upstream(calls + other.calls, fallbacks + other.fallbacks, time.plus(other.time));
    }
}
