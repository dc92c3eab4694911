package com.campaignops.ka05406.notification;

/** What is wrong with one field of the input, in words the caller can act on. */
public record Problem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
