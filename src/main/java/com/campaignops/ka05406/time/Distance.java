package com.campaignops.ka05406.time;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

public final class Distance {

    private Distance() {
    }

    /** Of {@code candidates} (not empty), the one nearest {@code moment}; the first of those equally near. */
    public static Instant nearest(List<Instant> candidates, Instant moment) {
        Instant nearest = null;
        Duration shortest = null;
        for (Instant candidate : candidates) {
            Duration distance = Duration.between(candidate, moment).abs();
            if (shortest == null || distance.compareTo(shortest) < 0) {
                nearest = candidate;
                shortest = distance;
            }
        }
        return nearest;
    }
}
