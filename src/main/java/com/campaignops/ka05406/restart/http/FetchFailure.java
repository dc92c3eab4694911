package com.campaignops.ka05406.restart.http;

/** A failed request. {@link Transient} ones (timeouts, refused connections, 5xx, 429) are worth a retry. */
abstract sealed class FetchFailure extends RuntimeException {

    FetchFailure(String reason) {
        super(reason, null, false, false);
    }

    static final class Transient extends FetchFailure {
        Transient(String reason) {
            super(reason);
        }
    }

    static final class Permanent extends FetchFailure {
        Permanent(String reason) {
            super(reason);
        }
    }
}
