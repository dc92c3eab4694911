package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;

import java.time.Duration;
import java.time.Instant;

/**
 * The decision rule, all of it configurable.
 *
 * @param windowBefore   how long before the restart a failure still counts: the web process stops
 *                       before the start date that monitoring reports
 * @param windowAfter    how long after the restart a failure still counts
 * @param quickRecovery  if the last sign of unavailability is within this of the restart, the short
 *                       offset is enough; otherwise the long one
 * @param shortOffsetMinutes the article's 5 minutes
 * @param longOffsetMinutes  the article's 10 minutes
 */
public record DiagnosisRules(Duration windowBefore, Duration windowAfter, Duration quickRecovery,
                             int shortOffsetMinutes, int longOffsetMinutes) {

    public static final DiagnosisRules DEFAULT =
            new DiagnosisRules(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(3), 5, 10);

    public DiagnosisRules {
        if (windowBefore.isNegative() || windowAfter.isNegative() || quickRecovery.isNegative()) {
            throw new IllegalArgumentException("rule windows must not be negative");
        }
        if (shortOffsetMinutes <= 0 || longOffsetMinutes < shortOffsetMinutes) {
            throw new IllegalArgumentException("offsets must be positive and the long one at least the short one");
        }
    }

    /** Whether a failure at {@code failedAt} falls in the window around a restart at {@code restartAt}. */
    public boolean coincides(Instant failedAt, Instant restartAt) {
        // Instants, not a negated Duration: Duration.negated() goes through BigDecimal on Java 17.
        return !failedAt.isBefore(restartAt.minus(windowBefore)) && !failedAt.isAfter(restartAt.plus(windowAfter));
    }

    public String describeWindow(Messages messages) {
        return messages.get("window.describe", windowBefore.toMinutes(), windowAfter.toMinutes());
    }
}
