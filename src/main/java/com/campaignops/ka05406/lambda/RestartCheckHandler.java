package com.campaignops.ka05406.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.service.RestartCheckService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Lambda entry point behind {@code QuarkusStreamHandler}: recognises the event's shape, calls
 * {@link RestartCheckService}, and answers in the caller's shape. It reads raw bytes so that even a
 * payload that is not JSON gets a clear answer rather than a runtime stack trace.
 */
public class RestartCheckHandler implements RequestStreamHandler {

    private static final Logger LOG = Logger.getLogger(RestartCheckHandler.class);

    private final RestartCheckService service;
    private final ObjectMapper mapper;
    private final EventShapes shapes;
    private final WebhookAuthenticator authenticator;

    public RestartCheckHandler(RestartCheckService service, ObjectMapper mapper, WebhookAuthenticator authenticator) {
        this.service = service;
        this.mapper = mapper;
        this.authenticator = authenticator;
        this.shapes = new EventShapes(mapper);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context == null ? "local" : context.getAwsRequestId();
        MDC.put("requestId", requestId);
        try {
            String raw = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            mapper.writeValue(output, guarded(() -> respond(raw, requestId), requestId));
        } finally {
            MDC.remove("requestId");
        }
    }

    private Object respond(String raw, String requestId) {
        Invocation invocation;
        try {
            invocation = shapes.recognise(shapes.parseJson(raw, "event"));
        } catch (InvalidNotificationException e) {
            return rejected(e);
        }
        if (invocation instanceof Invocation.Webhook webhook) {
            return webhook(webhook, requestId);
        }
        if (invocation instanceof Invocation.ScheduledAudit) {
            return guarded(service::audit, requestId);
        }
        return diagnoseAll(((Invocation.Notifications) invocation).notifications(), requestId);
    }

    private HttpReply webhook(Invocation.Webhook webhook, String requestId) {
        if (!authenticator.accepts(webhook.headers())) {
            LOG.info("Rejected webhook call without a valid token");
            return reply(ErrorBody.unauthorized(), Map.of("www-authenticate", "Bearer"));
        }
        if (!"POST".equalsIgnoreCase(webhook.method())) {
            return reply(ErrorBody.methodNotAllowed(webhook.method()), Map.of("allow", "POST"));
        }
        Object result;
        try {
            result = diagnoseAll(shapes.unwrap(shapes.parseJson(decode(webhook), "body"), 0), requestId);
        } catch (InvalidNotificationException e) {
            result = rejected(e);
        }
        return reply(result, Map.of());
    }

    private Object diagnoseAll(List<JsonNode> notifications, String requestId) {
        List<Object> results = notifications.stream().map(n -> guarded(() -> service.diagnose(n), requestId)).toList();
        return results.size() == 1 ? results.get(0) : results;
    }

    /** Bad input is answered, any other failure is logged in full and answered without its internals. */
    private Object guarded(java.util.function.Supplier<Object> job, String requestId) {
        try {
            return job.get();
        } catch (InvalidNotificationException e) {
            return rejected(e);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure", e);
            return ErrorBody.internal(requestId);
        }
    }

    private static ErrorBody rejected(InvalidNotificationException e) {
        LOG.infof("Rejected input: %s", e.getMessage());
        return ErrorBody.invalid(e);
    }

    private HttpReply reply(Object result, Map<String, String> headers) {
        int status = result instanceof ErrorBody error ? error.httpStatus() : 200;
        try {
            return HttpReply.json(status, mapper.writeValueAsString(result), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private static String decode(Invocation.Webhook webhook) {
        String body = webhook.body();
        if (body == null || body.isBlank()) {
            throw new InvalidNotificationException("body", "is empty: POST the notification as JSON");
        }
        if (!webhook.base64Encoded()) {
            return body;
        }
        try {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidNotificationException("body", "is marked isBase64Encoded but is not valid base64");
        }
    }
}
