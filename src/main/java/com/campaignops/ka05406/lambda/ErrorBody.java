package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.notification.Problem;
import com.campaignops.ka05406.observability.InvocationSummary.Reported;

import java.util.List;

/**
 * What the caller gets instead of a verdict, {@code {"error": {"code", "message", "field", "problems"}}}:
 * the same object for a direct caller and, as the HTTP body, for a webhook caller. Never a stack trace.
 */
record ErrorBody(Detail error) implements Outcome.Single {

    /**
     * @param field    the first field at fault, {@code null} when no field is
     * @param problems every field at fault, for callers that show them all
     */
    record Detail(String code, String message, String field, List<Problem> problems) {
    }

    enum Code {
        INVALID_INPUT(400), UNSUPPORTED_EVENT(400), UNAUTHORIZED(401), NOT_FOUND(404), METHOD_NOT_ALLOWED(405),
        PAYLOAD_TOO_LARGE(413), INTERNAL_ERROR(500), SECRET_UNAVAILABLE(503);

        final int httpStatus;

        Code(int httpStatus) {
            this.httpStatus = httpStatus;
        }
    }

    private static ErrorBody of(Code code, String message, String field, List<Problem> problems) {
        return new ErrorBody(new Detail(code.name(), message, field, problems));
    }

    static ErrorBody invalid(InvalidNotificationException e) {
        return of(e.tooLarge() ? Code.PAYLOAD_TOO_LARGE : Code.INVALID_INPUT, e.getMessage(),
                e.problems().get(0).field(), e.problems());
    }

    static ErrorBody unsupportedEvent() {
        String message = "event: is not a shape this function handles. Send a notification {workflow, failedAt, "
                + "error | logs} directly or inside EventBridge, SNS or CloudEvents; an HTTP API, Function URL or "
                + "REST API request; or an EventBridge Scheduled Event";
        return of(Code.UNSUPPORTED_EVENT, message, "event", List.of(new Problem("event", "is not a supported shape")));
    }

    static ErrorBody notFound(String path) {
        return of(Code.NOT_FOUND, "path: " + path + " is not served; POST to /diagnose (or / on a Function URL)",
                "path", List.of(new Problem("path", "is not served")));
    }

    static ErrorBody methodNotAllowed(String method) {
        return of(Code.METHOD_NOT_ALLOWED, "method: use POST with the notification as the JSON body, not " + method,
                "method", List.of(new Problem("method", "must be POST")));
    }

    /** Says nothing of why: a caller probing the webhook learns nothing from a refusal. */
    static ErrorBody unauthorized() {
        return of(Code.UNAUTHORIZED, "missing, invalid or expired request signature", null, List.of());
    }

    static ErrorBody secretUnavailable(String requestId) {
        return of(Code.SECRET_UNAVAILABLE, "the webhook cannot check signatures right now; retry later. Request id "
                + requestId, null, List.of());
    }

    static ErrorBody internal(String requestId) {
        return of(Code.INTERNAL_ERROR, "the diagnosis failed unexpectedly; nothing was changed. Quote request id "
                + requestId + " when reporting it", null, List.of());
    }

    @Override
    public int httpStatus() {
        return Code.valueOf(error.code()).httpStatus;
    }

    @Override
    public List<Reported> reported() {
        return List.of(Reported.error(error.code()));
    }
}
