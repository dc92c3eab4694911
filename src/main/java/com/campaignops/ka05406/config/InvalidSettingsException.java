package com.campaignops.ka05406.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration breaks a rule {@link SettingsValidator} checks: thrown at start-up, so Lambda reports an init
 * error (and SnapStart publishes no version) instead of a function answering INTERNAL_ERROR to every call. Its
 * message names every bad setting at once; it has no stack trace (where it was thrown says nothing more).
 */
public final class InvalidSettingsException extends RuntimeException {

    public InvalidSettingsException(List<SettingsValidator.Violation> violations) {
        super(violations.size() + " invalid setting" + (violations.size() == 1 ? "" : "s")
                + "; the function does not start until each is fixed:"
                + violations.stream().map(v -> "\n  - " + v.describe()).collect(Collectors.joining()), null, false,
                false);
    }
}
