package com.campaignops.ka05406.lambda;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** What the function was invoked with, once the event's shape is recognised. */
sealed interface Invocation {

    /** API Gateway HTTP API / Function URL (payload 2.0) or REST proxy (1.0). */
    record Webhook(String method, String body, boolean base64Encoded) implements Invocation {
    }

    /** EventBridge's "Scheduled Event": run the audit. */
    record ScheduledAudit() implements Invocation {
    }

    /** One or more notifications: direct, or unwrapped from EventBridge, SNS or CloudEvents envelopes. */
    record Notifications(List<JsonNode> notifications) implements Invocation {
    }
}
