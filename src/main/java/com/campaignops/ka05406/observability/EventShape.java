package com.campaignops.ka05406.observability;

/**
 * How the function was invoked, as the handler recognised it: the outermost envelope for notifications.
 * {@link #label()} is the {@code eventShape} value of the log line and the metrics, a frozen name.
 */
public enum EventShape {
    /** A notification as the event itself ({@code aws lambda invoke}, Step Functions…). */
    DIRECT("direct"),
    /** An EventBridge custom event whose {@code detail} is the notification. */
    EVENTBRIDGE("eventbridge"),
    /** SNS records (or an SNS HTTPS delivery) carrying notifications. */
    SNS("sns"),
    /** A structured CloudEvent whose {@code data} is the notification. */
    CLOUDEVENT("cloudevent"),
    /** API Gateway (HTTP API, REST proxy) or a Function URL. */
    WEBHOOK("webhook"),
    /** EventBridge's Scheduled Event: the audit. */
    SCHEDULED("scheduled"),
    /** {@code {"action": "sweep"}}: a Campaign sweep on demand. */
    SWEEP("sweep"),
    /** The event could not be read far enough to tell. */
    UNKNOWN("unknown");

    private final String label;

    EventShape(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
