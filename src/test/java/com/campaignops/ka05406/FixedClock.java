package com.campaignops.ka05406;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * "Now" fixed at 2024-06-14T07:15:00Z, the morning after the fake Campaign's journals end. Enabled only
 * by the profiles that list it ({@code getEnabledAlternatives}).
 */
@Alternative
public class FixedClock {

    public static final Instant NOW = Instant.parse("2024-06-14T07:15:00Z");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
