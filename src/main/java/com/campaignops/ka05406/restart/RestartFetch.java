package com.campaignops.ka05406.restart;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.messages.Text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The outcome of asking an execution instance when it restarted. */
public sealed interface RestartFetch {

    /** No restart URL is configured for the instance: the schedule is all there is. {@code reason} says why. */
    record NotConfigured(String reason, Text text) implements RestartFetch {
        /** A reason in English only. */
        public NotConfigured(String reason) {
            this(reason, null);
        }

        /** A reason to be put into the reader's language; {@code reason} is its English. */
        public NotConfigured(Text text) {
            this(text.toString(), text);
        }

        public String reason(Messages messages) {
            return text == null ? reason : messages.render(text);
        }
    }

    /**
     * The source answered with these restart (process start) times, in no particular order.
     *
     * @param serverOffset the UTC offset every time was written with, when the source writes local times with their
     *                     offset (not Z, which many servers write for times they converted): the server's offset for
     *                     this answer; or {@code null}
     */
    record Observed(RestartSource source, List<Instant> restarts, ZoneOffset serverOffset) implements RestartFetch {
        public Observed {
            restarts = List.copyOf(restarts);
        }

        public Observed(RestartSource source, List<Instant> restarts) {
            this(source, restarts, null);
        }
    }

    /** The source is configured but gave no usable answer; {@code reason} says why, without secrets. */
    record Unavailable(RestartSource source, String reason) implements RestartFetch {
    }
}
