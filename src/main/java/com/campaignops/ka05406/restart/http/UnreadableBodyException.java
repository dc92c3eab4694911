package com.campaignops.ka05406.restart.http;

/** The source answered, but not with a restart time we can read. Not worth a retry. */
final class UnreadableBodyException extends Exception {

    UnreadableBodyException(String message) {
        super(message, null, false, false);
    }
}
