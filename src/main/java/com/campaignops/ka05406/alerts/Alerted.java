package com.campaignops.ka05406.alerts;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * An answer whose findings were sent: written as the answer itself with one more member, {@code alerts}. The answer
 * was serialised once, to the tree the generic webhook also sent as its {@code report}, then given the deliveries.
 */
public record Alerted(@JsonValue ObjectNode json, List<Delivery> alerts) {

    public Alerted {
        alerts = List.copyOf(alerts);
    }

    public int sent() {
        return (int) alerts.stream().filter(Delivery::sent).count();
    }

    public int failed() {
        return alerts.size() - sent();
    }
}
