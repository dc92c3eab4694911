package com.campaignops.ka05406.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignops.ka05406.alerts.Alerted;
import com.campaignops.ka05406.alerts.Alerts;
import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.lambda.EventShapes.Invocation;
import com.campaignops.ka05406.lambda.EventShapes.UnsupportedEventException;
import com.campaignops.ka05406.lambda.Outcome.ErrorBody;
import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.observability.EventShape;
import com.campaignops.ka05406.observability.InvocationLog;
import com.campaignops.ka05406.observability.InvocationSummary;
import com.campaignops.ka05406.observability.UpstreamCost;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.service.RestartCheckService;
import com.campaignops.ka05406.service.SweepService;
import com.campaignops.ka05406.service.WithCost;
import com.campaignops.ka05406.sweep.SweepPeriod;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.webhook.WebhookAuthenticator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Lambda entry point behind {@code QuarkusStreamHandler}: recognises the event's shape, calls
 * {@link RestartCheckService}, and answers in the caller's shape. It reads raw bytes so that even a
 * payload that is not JSON gets a clear answer rather than a runtime stack trace. Safe for concurrent
 * invocations: it keeps no state between them.
 */
public class RestartCheckHandler implements RequestStreamHandler {

    private static final Logger LOG = Logger.getLogger(RestartCheckHandler.class);

    /**
     * What one invocation answers: its outcome, what the restart sources cost, and for a webhook caller the headers
     * its HTTP reply adds; its log line and metrics are drawn from these.
     */
    record Answer(EventShape shape, Outcome outcome, UpstreamCost upstream, Map<String, String> replyHeaders) {

        /** The response API Gateway (REST 1.0 and HTTP 2.0) and Function URLs turn into an HTTP response. */
        record HttpReply(int statusCode, Map<String, String> headers, String body,
                         @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {
        }

        static Answer of(EventShape shape, Outcome outcome, UpstreamCost upstream) {
            return new Answer(shape, outcome, upstream, Map.of());
        }

        Object response(ObjectMapper mapper) throws JsonProcessingException {
            if (shape != EventShape.WEBHOOK) {
                return outcome;
            }
            // Sorted: a reply's headers read the same in every run (Map.copyOf's order changes between JVMs).
            Map<String, String> headers = new TreeMap<>(replyHeaders);
            headers.put("content-type", "application/json");
            return new HttpReply(outcome.httpStatus(), Collections.unmodifiableMap(headers),
                    mapper.writeValueAsString(outcome), false);
        }

        InvocationSummary summary(String requestId, Duration duration) {
            List<Alerted> alerted = outcome.deliveries();
            return new InvocationSummary(requestId, shape, outcome.reported(), upstream, duration,
                    alerted.stream().mapToInt(Alerted::sent).sum(), alerted.stream().mapToInt(Alerted::failed).sum());
        }
    }

    private final RestartCheckService service;
    private final SweepService sweeps;
    private final ObjectMapper mapper;
    private final EventShapes shapes;
    private final WebhookRequests webhooks;
    private final InvocationLog invocationLog;
    private final Alerts alerts;
    private final RestartCheckConfig config;

    public RestartCheckHandler(RestartCheckService service, ObjectMapper mapper, WebhookAuthenticator authenticator,
                               RestartCheckConfig config, InvocationLog invocationLog, SweepService sweeps,
                               Alerts alerts) {
        this.service = service;
        this.sweeps = sweeps;
        this.mapper = mapper;
        this.shapes = new EventShapes(mapper);
        this.webhooks = new WebhookRequests(authenticator, config.webhook().maxBodyBytes());
        this.invocationLog = invocationLog;
        this.alerts = alerts;
        this.config = config;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        String requestId = context == null || context.getAwsRequestId() == null ? "local" : context.getAwsRequestId();
        MDC.put("requestId", requestId);
        try {
            Answer answer = respond(input.readAllBytes(), requestId, context);
            mapper.writeValue(output, answer.response(mapper));
            invocationLog.record(answer.summary(requestId, Duration.ofNanos(System.nanoTime() - start)));
        } finally {
            MDC.remove("requestId");
        }
    }

    private Answer respond(byte[] raw, String requestId, Context context) {
        Invocation invocation;
        try {
            invocation = shapes.recognise(shapes.parseJson(new String(raw, StandardCharsets.UTF_8), "event"));
        } catch (RuntimeException e) {
            return Answer.of(EventShape.UNKNOWN, failure(e, requestId), UpstreamCost.NONE);
        }
        // The sweep's deadline bounds a sweep; any other answer only Lambda's remaining time.
        boolean sweeping = invocation instanceof Invocation.Report asked
                && (asked.shape() == EventShape.SWEEP || sweeps.configured());
        Budget budget = Budget.of(context, sweeping ? config.campaign().deadline() : null, config.timeMargin());
        if (invocation instanceof Invocation.Webhook webhook) {
            return webhook(webhook, requestId, budget);
        }
        if (invocation instanceof Invocation.Notifications notifications) {
            return diagnoseAll(notifications.shape(), notifications.notifications(), requestId, null, budget, true);
        }
        Invocation.Report report = (Invocation.Report) invocation;
        try {
            if (!sweeping) {
                WithCost<AuditReport> audited = service.audit();
                return Answer.of(report.shape(), new Outcome.Audit(audited.answer()).alerted(alerts, false, budget),
                        audited.cost());
            }
            // With a Campaign URL the schedule also sweeps the control instance; the report holds the audit. The
            // sweep leaves the alert sends after it the time they need; all of it draws on the one budget.
            SweepPeriod period = report.scheduledAt() == null ? SweepPeriod.NONE
                    : sweeps.periodOf(report.scheduledAt(), report.shape() == EventShape.SCHEDULED);
            WithCost<SweepReport> swept = sweeps.sweep(budget.less(alerts.timeNeeded()), period);
            return Answer.of(report.shape(), new Outcome.Sweep(swept.answer()).alerted(alerts, false, budget),
                    swept.cost());
        } catch (RuntimeException e) {
            return Answer.of(report.shape(), failure(e, requestId), UpstreamCost.NONE);
        }
    }

    private Answer webhook(Invocation.Webhook webhook, String requestId, Budget budget) {
        WebhookRequests.Verified verified = webhooks.verify(webhook, requestId);
        if (verified.refusal() != null) {
            return new Answer(EventShape.WEBHOOK, verified.refusal(), UpstreamCost.NONE, verified.refusalHeaders());
        }
        try {
            List<JsonNode> notifications = shapes.unwrap(shapes.parseJson(verified.body(), "body"), 0);
            if (verified.replayed()) {
                LOG.info("Webhook request already answered here (same signature): answered again, not alerted again");
            }
            return diagnoseAll(EventShape.WEBHOOK, notifications, requestId, webhook.headers().get("accept-language"),
                    budget, !verified.replayed());
        } catch (RuntimeException e) {
            return Answer.of(EventShape.WEBHOOK, failure(e, requestId), UpstreamCost.NONE);
        }
    }

    /**
     * @param acceptLanguage a webhook's {@code Accept-Language} header, or {@code null}
     * @param alertable      {@code false} for a replayed webhook request: its verdicts were alerted the first time
     */
    private Answer diagnoseAll(EventShape shape, List<JsonNode> notifications, String requestId, String acceptLanguage,
                               Budget budget, boolean alertable) {
        List<Outcome.Single> answers = new ArrayList<>();
        UpstreamCost upstream = UpstreamCost.NONE;
        for (JsonNode notification : notifications) {
            try {
                WithCost<Diagnosis> diagnosed = service.diagnose(notification, acceptLanguage);
                answers.add(new Outcome.Verdict(diagnosed.answer()).alerted(alerts, alertable, budget));
                upstream = upstream.plus(diagnosed.cost());
            } catch (RuntimeException e) {
                answers.add(failure(e, requestId));
            }
        }
        return Answer.of(shape, answers.size() == 1 ? answers.get(0) : new Outcome.Verdicts(answers), upstream);
    }

    /** Bad input is answered with its field; any other failure is logged in full and answered without its internals. */
    private static ErrorBody failure(RuntimeException e, String requestId) {
        if (e instanceof InvalidNotificationException invalid) {
            return ErrorBody.invalid(invalid);
        }
        if (e instanceof UnsupportedEventException) {
            return ErrorBody.unsupportedEvent();
        }
        LOG.error("Unexpected failure", e);
        return ErrorBody.internal(requestId);
    }
}
