package com.campaignops.ka05406.messages;

import java.util.List;

/**
 * A sentence not yet put into words: its key and arguments, rendered once the reader's language is known
 * ({@link Messages#render}). An argument may be a {@code Text} itself.
 */
public record Text(String key, List<Object> args) {

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }

    /** In English, for logs and for the callers that have no reader's language. */
    @Override
    public String toString() {
        return Messages.english().render(this);
    }
}
