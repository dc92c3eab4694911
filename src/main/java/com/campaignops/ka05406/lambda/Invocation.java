package com.campaignops.ka05406.lambda;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/** What the function was invoked with, once the event's shape is recognised. */
sealed interface Invocation {

    /** API Gateway HTTP API / Function URL (payload 2.0) or REST proxy (1.0). */
    /** @param headers with lower-case names, as payload 2.0 sends them and 1.0 does not */
    record Webhook(String method, Map<String, String> headers, String body, boolean base64Encoded) implements Invocation {
    }

    /** EventBridge's "Scheduled Event": run the audit. */
    record ScheduledAudit() implements Invocation {
    }

    /** One or more notifications: direct, or unwrapped from EventBridge, SNS or CloudEvents envelopes. */
    record Notifications(List<JsonNode> notifications) implements Invocation {
    }
}
