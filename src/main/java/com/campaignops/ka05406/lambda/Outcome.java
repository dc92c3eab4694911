package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.alerts.Alerted;
import com.campaignops.ka05406.alerts.Alerts;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.notification.Problem;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.observability.InvocationSummary.Reported;
import com.campaignops.ka05406.observability.InvocationSummary.Reported.Kind;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * What one invocation answers, before it is put in the caller's shape (as itself, or as an HTTP reply's body).
 * Closed: every kind says how it is written (as its JSON value), which HTTP status it gets, how the invocation's
 * log line and metrics report it, and what it sends to the alert channels, so a new kind cannot be forgotten by any.
 *
 * <p><b>Adding a kind</b> (a new report, say): add a record here, list it in {@code permits}, mark its
 * {@link JsonValue} component, give it its {@link #reported()} and its {@link #alerted}; the handler returns it.
 */
sealed interface Outcome permits Outcome.Single, Outcome.Verdicts, Outcome.Audit, Outcome.Sweep {

    /** Each answer inside, as the invocation log and metrics report it. */
    List<Reported> reported();

    /** Its findings sent to the alert channels: itself when nothing was sent, else with the deliveries. */
    Outcome alerted(Alerts alerts, boolean onDemandAllowed, Budget budget);

    default int httpStatus() {
        return 200;
    }

    /** Its deliveries to the alert channels, sent or not (docs/alerts.md): one per answer that sent any. */
    default List<Alerted> deliveries() {
        return List.of();
    }

    /** One notification's answer: its verdict, or the error that stopped it (perhaps with the alerts it sent). */
    sealed interface Single extends Outcome permits Verdict, ErrorBody, WithAlerts {
        /** Itself, unless it is a verdict: an error has no finding, and alerts sent are not sent again. */
        @Override
        default Single alerted(Alerts alerts, boolean onDemandAllowed, Budget budget) {
            return this;
        }
    }

    /**
     * An outcome whose findings were sent to the alert channels: written as the outcome with one more member,
     * {@code alerts}; reported as the outcome it wraps, plus the deliveries.
     */
    record WithAlerts(Outcome outcome, @JsonValue Alerted delivery) implements Single {
        @Override
        public List<Reported> reported() {
            return outcome.reported();
        }

        @Override
        public int httpStatus() {
            return outcome.httpStatus();
        }

        /** The outcome it wraps, just made, sent nothing itself. */
        @Override
        public List<Alerted> deliveries() {
            return List.of(delivery);
        }
    }

    /** The verdict on one notification: written as the {@link Diagnosis} itself. */
    record Verdict(@JsonValue Diagnosis diagnosis) implements Single {
        @Override
        public List<Reported> reported() {
            return List.of(Reported.about(Kind.VERDICT, diagnosis.verdict(), diagnosis.instance(),
                    diagnosis.restartSource()));
        }

        @Override
        public Single alerted(Alerts alerts, boolean onDemandAllowed, Budget budget) {
            return alerts.deliver(diagnosis, onDemandAllowed, budget).<Single>map(sent -> new WithAlerts(this, sent)).orElse(this);
        }
    }

    /** Several notifications in one event (an SNS batch): a JSON list of their answers, in order. */
    record Verdicts(@JsonValue List<Single> answers) implements Outcome {
        @Override
        public List<Reported> reported() {
            return answers.stream().flatMap(answer -> answer.reported().stream()).toList();
        }

        /** Each notification's own alert; the batch stays a list. */
        @Override
        public Outcome alerted(Alerts alerts, boolean onDemandAllowed, Budget budget) {
            return new Verdicts(answers.stream().map(answer -> answer.alerted(alerts, onDemandAllowed, budget)).toList());
        }

        @Override
        public List<Alerted> deliveries() {
            return answers.stream().flatMap(answer -> answer.deliveries().stream()).toList();
        }
    }

    /** The scheduled audit of every configured instance: written as the {@link AuditReport} itself. */
    record Audit(@JsonValue AuditReport report) implements Outcome {
        @Override
        public List<Reported> reported() {
            return report.instances().stream().map(audit -> Reported.about(Kind.AUDIT_STATUS, audit.status(),
                    audit.instance(), audit.restartSource())).toList();
        }

        @Override
        public Outcome alerted(Alerts alerts, boolean onDemandAllowed, Budget budget) {
            return alerts.deliver(report, budget).<Outcome>map(sent -> new WithAlerts(this, sent)).orElse(this);
        }
    }

    /**
     * The Campaign sweep's report, with the audit inside: written as the {@link SweepReport} itself; reported as
     * the audit's statuses (so AtRisk, Clear and Unknown count as for an audit) and the verdicts of the failed runs
     * it diagnosed (so a KA-05406 failure counts in Match).
     */
    record Sweep(@JsonValue SweepReport report) implements Outcome {
        @Override
        public List<Reported> reported() {
            List<Reported> reported = new ArrayList<>();
            report.instances().forEach(audit -> reported.add(
                    Reported.about(Kind.AUDIT_STATUS, audit.status(), audit.instance(), audit.restartSource())));
            report.workflows().forEach(workflow -> workflow.failures().forEach(failure -> reported.add(
                    Reported.about(Kind.VERDICT, failure.verdict(), failure.instance(), failure.restartSource()))));
            return reported;
        }

        @Override
        public Outcome alerted(Alerts alerts, boolean onDemandAllowed, Budget budget) {
            return alerts.deliver(report, budget).<Outcome>map(sent -> new WithAlerts(this, sent)).orElse(this);
        }
    }

    /**
     * What the caller gets instead of a verdict, {@code {"error": {"code", "message", "field", "problems"}}}:
     * the same object for a direct caller and, as the HTTP body, for a webhook caller. Never a stack trace.
     */
    record ErrorBody(Detail error) implements Single {

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
            return of(Code.UNSUPPORTED_EVENT, message, "event",
                    List.of(new Problem("event", "is not a supported shape")));
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
}
