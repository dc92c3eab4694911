package com.campaignops.ka05406.notification;

import java.time.Instant;

/**
 * One line of the workflow journal.
 *
 * @param loggedAt when it was logged, or {@code null} if the line carried no time
 * @param level    its level; journal exports give it as {@code logType} (0 error, 1 warning, 2 info)
 */
public record JournalEntry(Instant loggedAt, Level level, String message) {

    public enum Level { ERROR, WARNING, INFO, UNKNOWN }

    public boolean isError() {
        return level == Level.ERROR;
    }
}
