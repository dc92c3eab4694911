package com.campaignops.ka05406.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * An answer whose findings were sent: serialised as the answer itself with one more member, {@code alerts}.
 * The answer is unchanged; {@link #answer()} is what the invocation log and metrics read.
 */
public final class Alerted {

    private final Object answer;
    private final List<Delivery> alerts;
    private final JsonNode json;

    Alerted(Object answer, List<Delivery> alerts, JsonNode json) {
        this.answer = answer;
        this.alerts = List.copyOf(alerts);
        this.json = json;
    }

    public Object answer() {
        return answer;
    }

    public List<Delivery> alerts() {
        return alerts;
    }

    public int sent() {
        return (int) alerts.stream().filter(Delivery::delivered).count();
    }

    public int failed() {
        return alerts.size() - sent();
    }

    @JsonValue
    JsonNode json() {
        return json;
    }
}
