package com.campaignops.ka05406.alerts;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The alert channels, as the settings ({@code restart-check.alerts.<id>.*}) and the answer's {@code alerts[].channel} name them. */
public enum ChannelName {
    SLACK, TEAMS, WEBHOOK;

    AlertsConfig.Channel settings(AlertsConfig config) {
        return switch (this) {
            case SLACK -> config.slack();
            case TEAMS -> config.teams();
            case WEBHOOK -> config.webhook();
        };
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
