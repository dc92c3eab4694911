package com.campaignops.ka05406.campaign;

import java.time.Instant;

/**
 * One row of {@code xtk:workflowLog}.
 *
 * @param logDate  when it was logged, UTC
 * @param logType  {@code @logType}: 0 is error, 1 warning, 2 info (LIKELY, not confirmed by Adobe: a hint only);
 *                 {@code -1} when absent or unreadable
 * @param message  the message, never {@code null}
 */
public record CampaignJournalLine(Instant logDate, int logType, String message) {

    public CampaignJournalLine {
        message = message == null ? "" : message;
    }
}
