package com.campaignops.ka05406.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.observability.InvocationLog;
import com.campaignops.ka05406.service.Checked;
import com.campaignops.ka05406.service.RestartCheckService;
import com.campaignops.ka05406.service.Upstream;
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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Lambda entry point behind {@code QuarkusStreamHandler}: recognises the event's shape, calls
 * {@link RestartCheckService}, and answers in the caller's shape. It reads raw bytes so that even a
 * payload that is not JSON gets a clear answer rather than a runtime stack trace. Safe for concurrent
 * invocations: it keeps no state between them.
 */
public class RestartCheckHandler implements RequestStreamHandler {

    private static final Logger LOG = Logger.getLogger(RestartCheckHandler.class);

    private final RestartCheckService service;
    private final ObjectMapper mapper;
    private final EventShapes shapes;
    private final WebhookRequests webhooks;
    private final InvocationLog invocationLog;

    public RestartCheckHandler(RestartCheckService service, ObjectMapper mapper, WebhookAuthenticator authenticator,
                               RestartCheckConfig config, InvocationLog invocationLog) {
        this.service = service;
        this.mapper = mapper;
        this.shapes = new EventShapes(mapper);
        this.webhooks = new WebhookRequests(authenticator, config.webhook().maxBodyBytes());
        this.invocationLog = invocationLog;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        String requestId = context == null || context.getAwsRequestId() == null ? "local" : context.getAwsRequestId();
        MDC.put("requestId", requestId);
        try {
            Answer answer = respond(input.readAllBytes(), requestId);
            mapper.writeValue(output, answer.response());
            invocationLog.record(answer.summary(requestId, Duration.ofNanos(System.nanoTime() - start)));
        } finally {
            MDC.remove("requestId");
        }
    }

    private Answer respond(byte[] raw, String requestId) {
        Invocation invocation;
        try {
            invocation = shapes.recognise(shapes.parseJson(new String(raw, StandardCharsets.UTF_8), "event"));
        } catch (RuntimeException e) {
            return Answer.of("unknown", failure(e, requestId), Upstream.NONE);
        }
        if (invocation instanceof Invocation.Webhook webhook) {
            return webhook(webhook, requestId);
        }
        if (invocation instanceof Invocation.ScheduledAudit) {
            return guarded(invocation.shape(), service::audit, requestId);
        }
        Invocation.Notifications notifications = (Invocation.Notifications) invocation;
        return diagnoseAll(notifications.shape(), notifications.notifications(), requestId, null);
    }

    private Answer webhook(Invocation.Webhook webhook, String requestId) {
        WebhookRequests.Verified verified = webhooks.verify(webhook, requestId);
        if (verified.refusal() != null) {
            return Answer.of(webhook.shape(), verified.refusal(), Upstream.NONE)
                    .asHttp(reply(verified.refusal(), verified.refusalHeaders()));
        }
        Answer answer;
        try {
            List<JsonNode> notifications = shapes.unwrap(shapes.parseJson(verified.body(), "body"), 0);
            answer = diagnoseAll(webhook.shape(), notifications, requestId, webhook.headers().get("accept-language"));
        } catch (RuntimeException e) {
            answer = Answer.of(webhook.shape(), failure(e, requestId), Upstream.NONE);
        }
        return answer.asHttp(reply(answer.response(), Map.of()));
    }

    /** @param acceptLanguage a webhook's {@code Accept-Language} header, or {@code null} */
    private Answer diagnoseAll(String shape, List<JsonNode> notifications, String requestId, String acceptLanguage) {
        List<Object> results = new ArrayList<>();
        Upstream upstream = Upstream.NONE;
        for (JsonNode notification : notifications) {
            Answer one = guarded(shape, () -> service.diagnose(notification, acceptLanguage), requestId);
            results.add(one.response());
            upstream = upstream.plus(one.upstream());
        }
        return new Answer(shape, results.size() == 1 ? results.get(0) : results, results, upstream);
    }

    private Answer guarded(String shape, Supplier<? extends Checked<?>> job, String requestId) {
        try {
            Checked<?> checked = job.get();
            return Answer.of(shape, checked.answer(), checked.upstream());
        } catch (RuntimeException e) {
            return Answer.of(shape, failure(e, requestId), Upstream.NONE);
        }
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

    private HttpReply reply(Object result, Map<String, String> headers) {
        int status = result instanceof ErrorBody error ? error.httpStatus() : 200;
        try {
            return HttpReply.json(status, mapper.writeValueAsString(result), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }
}
