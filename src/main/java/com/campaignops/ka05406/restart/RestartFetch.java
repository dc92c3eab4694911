package com.campaignops.ka05406.restart;

import java.time.Instant;
import java.util.List;

/** The outcome of asking an execution instance when it restarted. */
public sealed interface RestartFetch {

    /** No restart URL is configured for the instance: the schedule is all there is. {@code reason} says why. */
    record NotConfigured(String reason) implements RestartFetch {
    }

    /** The source answered with these restart (process start) times, in no particular order. */
    record Observed(RestartSource source, List<Instant> restarts) implements RestartFetch {
        public Observed {
            restarts = List.copyOf(restarts);
        }
    }

    /** The source is configured but gave no usable answer; {@code reason} says why, without secrets. */
    record Unavailable(RestartSource source, String reason) implements RestartFetch {
    }
}
