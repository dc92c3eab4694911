package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.observability.EventShape;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the function was invoked with, once the event's shape is recognised. */
sealed interface Invocation {

    /**
     * API Gateway HTTP API / Function URL (payload 2.0) or REST proxy (1.0).
     *
     * @param headers with lower-case names, as payload 2.0 sends them and 1.0 does not
     * @param path    the request path, {@code null} when the event has none (test consoles)
     */
    record Webhook(String method, String path, Map<String, String> headers, String body, boolean base64Encoded)
            implements Invocation {
    }

    /**
     * A report on every instance. EventBridge's "Scheduled Event" ({@link EventShape#SCHEDULED}, at its {@code time},
     * else now) runs the audit, and the sweep when Campaign is configured; a direct {@code {"action": "sweep"}}
     * ({@link EventShape#SWEEP}) sweeps the control instance now. With {@code scheduledAt} (the sweep's own schedule
     * puts its event's time there) a sweep alerts the sweep period ending then; without, nothing.
     */
    record Report(EventShape shape, Instant scheduledAt) implements Invocation {
    }

    /**
     * One or more notifications: direct, or unwrapped from EventBridge, SNS or CloudEvents envelopes.
     *
     * @param shape direct, EventBridge, SNS or CloudEvents, after the outermost envelope
     */
    record Notifications(EventShape shape, List<JsonNode> notifications) implements Invocation {
    }
}
