package com.campaignops.ka05406.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Which of several instants is nearest another, whichever comes first. */
public final class Distance {

    private Distance() {
    }

    /** Of {@code candidates} (not empty), the one nearest {@code moment}; the first of those equally near. */
    public static Instant nearest(List<Instant> candidates, Instant moment) {
        return candidates.stream().min(Comparator.comparing(candidate -> Duration.between(candidate, moment).abs()))
                .orElseThrow();
    }
}
