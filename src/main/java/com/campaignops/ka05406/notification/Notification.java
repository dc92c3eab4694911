package com.campaignops.ka05406.notification;

import com.campaignops.ka05406.messages.Text;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A workflow-failure notification, validated and with every time in UTC.
 *
 * @param workflow      the workflow's internal name, e.g. {@code mcSynch_mcExec1}
 * @param workflowLabel the label the caller named the workflow by ({@code Message Center mcExec1}), or {@code null}
 *                      when the internal name was given
 * @param instance      the execution instance (external account), or {@code null} if none was given
 *                      and the workflow name does not carry one
 * @param failedAt      when it failed, or {@code null} if neither the caller nor the logs say
 * @param error         the error message, or {@code null} if only logs were given
 * @param logs          journal lines, oldest or newest first as the caller sent them
 * @param timeZone      the caller's zone for times without an offset, or {@code null}
 * @param datesNote     how numeric dates that read either way round were read, or {@code null} when none did
 */
public record Notification(String workflow, String workflowLabel, String instance, Instant failedAt, String error,
                           List<JournalEntry> logs, ZoneId timeZone, Text datesNote) {

    public Notification {
        logs = List.copyOf(logs);
    }

    /** A notification naming its workflow by internal name, with no dates to settle. */
    public Notification(String workflow, String instance, Instant failedAt, String error, List<JournalEntry> logs,
                        ZoneId timeZone) {
        this(workflow, null, instance, failedAt, error, logs, timeZone, null);
    }
}
