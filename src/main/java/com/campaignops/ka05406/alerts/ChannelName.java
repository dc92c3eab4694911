package com.campaignops.ka05406.alerts;

import com.fasterxml.jackson.annotation.JsonValue;

/** The alert channels, as the settings ({@code restart-check.alerts.<id>.*}) and the answer's {@code alerts[].channel} name them. */
public enum ChannelName {
    SLACK("slack"),
    TEAMS("teams"),
    WEBHOOK("webhook");

    private final String id;

    ChannelName(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
