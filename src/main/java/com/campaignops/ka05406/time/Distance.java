package com.campaignops.ka05406.time;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How far apart two instants are, whichever comes first. */
public final class Distance {

    private Distance() {
    }

    /**
     * {@code Duration.between(a, b).abs()}, without {@code abs()}: on Java 17 it negates through
     * {@code BigDecimal}, and this runs for every journal line and every candidate restart.
     */
    public static Duration between(Instant a, Instant b) {
        return a.isAfter(b) ? Duration.between(b, a) : Duration.between(a, b);
    }

    /** Of {@code candidates} (not empty), the one nearest {@code moment}; the first of those equally near. */
    public static Instant nearest(List<Instant> candidates, Instant moment) {
        Instant nearest = candidates.get(0);
        Duration best = between(nearest, moment);
        for (Instant candidate : candidates) {
            Duration distance = between(candidate, moment);
            if (distance.compareTo(best) < 0) {
                nearest = candidate;
                best = distance;
            }
        }
        return nearest;
    }
}
