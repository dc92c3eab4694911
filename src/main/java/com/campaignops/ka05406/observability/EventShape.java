package com.campaignops.ka05406.observability;

import java.util.Locale;

/**
 * How the function was invoked, as the handler recognised it: the outermost envelope for notifications. Its
 * {@link #label()} is the log line's and the metrics' {@code eventShape}, a frozen name: never rename a constant.
 */
public enum EventShape {
    /** A notification as the event itself ({@code aws lambda invoke}, Step Functions…). */
    DIRECT,
    /** An EventBridge custom event whose {@code detail} is the notification. */
    EVENTBRIDGE,
    /** SNS records (or an SNS HTTPS delivery) carrying notifications. */
    SNS,
    /** A structured CloudEvent whose {@code data} is the notification. */
    CLOUDEVENT,
    /** API Gateway (HTTP API, REST proxy) or a Function URL. */
    WEBHOOK,
    /** EventBridge's Scheduled Event: the audit. */
    SCHEDULED,
    /** {@code {"action": "sweep"}}: a Campaign sweep on demand. */
    SWEEP,
    /** The event could not be read far enough to tell. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
