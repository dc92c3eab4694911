package com.campaignops.ka05406.outbound;

import jakarta.ws.rs.ProcessingException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

/**
 * A failed outbound call, for every client of the function (restart sources, Campaign, alert channels, the
 * secrets extension). {@link Transient} ones may succeed when repeated; of those, only the ones that cannot
 * have been processed (see {@link Transient.Kind}) may be repeated for a call that is not idempotent, such as an
 * alert's post. The message never holds a URL, a query string or a secret.
 */
public abstract sealed class CallFailure extends RuntimeException {

    CallFailure(String reason) {
        super(reason, null, false, false);
    }

    /**
     * From the REST client's exception: refused before sending, or no (complete) answer; or, when the caller stopped
     * waiting (the time budget ended and interrupted it), a permanent failure, so that nothing retries it.
     */
    public static CallFailure of(ProcessingException failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            return new Permanent("interrupted: the invocation's time budget ended");
        }
        boolean notSent = root instanceof ConnectException || root instanceof UnknownHostException
                || root instanceof NoRouteToHostException;
        return new Transient(Redaction.cause(root), notSent ? Transient.Kind.NOT_SENT : Transient.Kind.NO_ANSWER);
    }

    public static final class Transient extends CallFailure {
        /** Why it failed, which decides whether the request may have been processed. */
        public enum Kind {
            /** The connection failed: nothing was sent. */
            NOT_SENT,
            /** Sent, but no complete answer came (a timeout, a broken connection): it may have been processed. */
            NO_ANSWER,
            /** The server answered 5xx or 429: it says it did not process it. */
            REFUSED
        }

        private final Kind kind;

        public Transient(String reason, Kind kind) {
            super(reason);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    public static final class Permanent extends CallFailure {
        private final int status;

        public Permanent(String reason) {
            this(reason, 0);
        }

        /** @param status the HTTP status that made it, or 0 */
        public Permanent(String reason, int status) {
            super(reason);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
