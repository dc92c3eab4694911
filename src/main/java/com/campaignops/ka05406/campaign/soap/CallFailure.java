package com.campaignops.ka05406.campaign.soap;

/** A failed SOAP call. {@link Transient} ones (timeouts, refused connections, 5xx) are worth a retry of a read. */
abstract sealed class CallFailure extends RuntimeException {

    CallFailure(String reason) {
        super(reason, null, false, false);
    }

    static final class Transient extends CallFailure {
        Transient(String reason) {
            super(reason);
        }
    }

    static final class Permanent extends CallFailure {
        /** The HTTP status that made it, or 0. */
        final int status;

        Permanent(String reason) {
            this(reason, 0);
        }

        Permanent(String reason, int status) {
            super(reason);
            this.status = status;
        }
    }
}
