package com.campaignops.ka05406.lambda;

/** An AWS event of a kind the function is not wired to (SQS, S3, a WebSocket…), not a malformed notification. */
final class UnsupportedEventException extends RuntimeException {

    UnsupportedEventException() {
        super("unsupported event shape", null, false, false);
    }
}
