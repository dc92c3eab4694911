package com.campaignops.ka05406.notification;

import java.time.Instant;

/**
 * One line of the workflow journal.
 *
 * @param loggedAt    when it was logged, or {@code null} if the line carried no time that could be read
 * @param level       its level as written; {@link Level#UNKNOWN} when the line had none that could be read
 * @param message     the message, without the line's time and columns
 */
public record JournalEntry(Instant loggedAt, Level level, String message) {

    public enum Level { ERROR, WARNING, INFO, UNKNOWN }
}
