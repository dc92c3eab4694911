package com.campaignops.ka05406.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A workflow's journal as read.
 *
 * @param lines  oldest first
 * @param capped whether more lines existed than {@code max-lines}: then only the newest were kept
 */
public record CampaignJournal(List<Line> lines, boolean capped) {

    public CampaignJournal {
        lines = List.copyOf(lines);
    }

    /**
     * One row of {@code xtk:workflowLog}.
     *
     * @param logDate when it was logged, UTC
     * @param logType {@code @logType}: 0 is error, 1 warning, 2 info (LIKELY, not confirmed by Adobe: a hint only);
     *                {@code -1} when absent or unreadable
     * @param message the message, never {@code null}
     */
    public record Line(Instant logDate, int logType, String message) {

        public Line {
            message = message == null ? "" : message;
        }
    }
}
