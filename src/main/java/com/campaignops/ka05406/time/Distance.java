package com.campaignops.ka05406.time;

import java.time.Duration;
import java.time.Instant;

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
}
