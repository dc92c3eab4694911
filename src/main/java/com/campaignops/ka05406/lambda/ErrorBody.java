package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.notification.Problem;

import java.util.List;

/**
 * What the caller gets instead of a verdict: a code, a sentence, and for bad input the fields at
 * fault. Never a stack trace.
 *
 * @param field the first field at fault, for callers that show one line
 */
record ErrorBody(String error, String message, String field, List<Problem> problems) {

    static final String INVALID_INPUT = "INVALID_INPUT";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String UNAUTHORIZED = "UNAUTHORIZED";
    static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    static ErrorBody invalid(InvalidNotificationException e) {
        return new ErrorBody(INVALID_INPUT, e.getMessage(), e.problems().get(0).field(), e.problems());
    }

    static ErrorBody methodNotAllowed(String method) {
        return new ErrorBody(METHOD_NOT_ALLOWED, "use POST with the notification as the JSON body, not " + method,
                null, List.of());
    }

    static ErrorBody unauthorized() {
        return new ErrorBody(UNAUTHORIZED, "send the webhook token as Authorization: Bearer <token>", null, List.of());
    }

    static ErrorBody internal(String requestId) {
        return new ErrorBody(INTERNAL_ERROR, "the diagnosis failed unexpectedly; nothing was changed. Quote request id "
                + requestId + " when reporting it", null, List.of());
    }

    int httpStatus() {
        return switch (error) {
            case INVALID_INPUT -> 400;
            case UNAUTHORIZED -> 401;
            case METHOD_NOT_ALLOWED -> 405;
            default -> 500;
        };
    }
}
