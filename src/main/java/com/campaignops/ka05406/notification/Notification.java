package com.campaignops.ka05406.notification;

import com.campaignops.ka05406.messages.Text;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A workflow-failure notification, validated and with every time in UTC.
 *
 * <p>Two of the three clocks a verdict reads can come with it, and they are never taken for one another:
 * {@code inputZone} says how its times were written, {@code serverZone} where the execution server runs.
 *
 * @param workflow      the workflow's internal name, e.g. {@code mcSynch_mcExec1}
 * @param workflowLabel the label the caller named the workflow by ({@code Message Center mcExec1}), or {@code null}
 *                      when the internal name was given
 * @param instance      the execution instance (external account), or {@code null} if none was given
 *                      and the workflow name does not carry one
 * @param failedAt      when it failed, or {@code null} if neither the caller nor the logs say
 * @param error         the error message, or {@code null} if only logs were given
 * @param logs          journal lines, oldest or newest first as the caller sent them
 * @param inputZone     the zone times without an offset were read in (the notification's {@code timeZone}, else
 *                      {@code restart-check.input-time-zone}), or {@code null}
 * @param serverZone    the execution server's zone as the notification's {@code serverTimeZone} gives it, or
 *                      {@code null}
 * @param unplacedTime  a time written without an offset while no input zone is known, as written, or {@code null}:
 *                      the times were then read in UTC only to keep their order, and no instant of them may be
 *                      compared with a restart
 * @param datesNote     how numeric dates that read either way round were read, or {@code null} when none did
 */
public record Notification(String workflow, String workflowLabel, String instance, Instant failedAt, String error,
                           List<JournalEntry> logs, ZoneId inputZone, ZoneId serverZone, String unplacedTime,
                           Text datesNote) {

    public Notification {
        logs = List.copyOf(logs);
    }

    /** Whether its times are instants: written with an offset, or read in a known input zone. */
    public boolean timesPlaced() {
        return unplacedTime == null;
    }
}
