package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.campaign.CampaignJournalLine;
import com.campaignops.ka05406.notification.JournalEntry;
import com.campaignops.ka05406.notification.Notification;

import java.time.ZoneId;
import java.util.List;

/**
 * The one place a failed run becomes a {@link Notification}, so the sweep is diagnosed by the same
 * core as a notification sent to the function. Only the journal is given (no error, no failure time):
 * the core finds the error and its time in the run as it does in a notification's {@code logs}.
 */
public final class JournalNotification {

    private JournalNotification() {
    }

    /**
     * @param timeZone the control instance's zone, for the recommendation (journal times are UTC)
     * @param runs     how error lines are told (the level is a hint, the text decides too)
     */
    public static Notification of(String workflow, String instance, Run run, ZoneId timeZone, Runs runs) {
        List<JournalEntry> logs = run.lines().stream()
                .map(line -> new JournalEntry(line.logDate(), level(line, runs), line.message()))
                .toList();
        return new Notification(workflow, instance, null, null, logs, timeZone);
    }

    private static JournalEntry.Level level(CampaignJournalLine line, Runs runs) {
        if (runs.isError(line)) {
            return JournalEntry.Level.ERROR;
        }
        return switch (line.logType()) {
            case 1 -> JournalEntry.Level.WARNING;
            case 2 -> JournalEntry.Level.INFO;
            default -> JournalEntry.Level.UNKNOWN;
        };
    }
}
