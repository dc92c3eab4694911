import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * Invokes the packaged function locally, through the same entry point Lambda uses
 * ({@code QuarkusStreamHandler::handleRequest}): once per event file, printing each response; or, with
 * {@code --serve PORT}, as a Function URL on 127.0.0.1 that turns each HTTP request into the payload
 * 2.0 event Lambda would send, several at a time, with a read timeout, refusing an oversized body before reading
 * it. Run by ./invoke; needs the unpacked function.zip on the class path.
 */
public class LocalInvoke {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LocalInvoke EVENT.json [EVENT.json ...] | --serve PORT");
            System.exit(2);
        }
        QuarkusStreamHandler handler;
        try {
            handler = new QuarkusStreamHandler();
        } catch (RuntimeException e) {
            // As Lambda shows an init error, without the wrappers' traces: the innermost cause says what is wrong.
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("invoke: the function did not start: " + cause.getMessage());
            System.exit(1);
            return;
        }
        if (args[0].equals("--serve")) {
            int port = args.length > 1 ? Integer.parseInt(args[1]) : 8080;
            int maxBodyBytes = ConfigProvider.getConfig()
                    .getOptionalValue("restart-check.webhook.max-body-bytes", Integer.class).orElse(1_048_576);
            serve(event -> {
                try {
                    return invoke(handler, event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, port, maxBodyBytes, READ_TIMEOUT_SECONDS);
            System.err.println("invoke: serving the function as a Function URL on http://127.0.0.1:" + port
                    + "/ (" + THREADS + " at a time; bodies up to " + maxBodyBytes + " bytes; Ctrl-C stops)");
            return;
        }
        if (!serverZoneConfigured(System.getenv(), System.getProperties().stringPropertyNames())) {
            System.err.println("invoke: the execution server's time zone is not configured: set "
                    + "RESTART_CHECK_SCHEDULED_RESTART_SERVER_TIME_ZONE (e.g. UTC), or give serverTimeZone in each "
                    + "notification; a verdict that depends on it is INCONCLUSIVE");
        }
        for (String file : args) {
            byte[] response = invoke(handler, Files.readAllBytes(Path.of(file)));
            System.out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(response)));
        }
        System.exit(0);
    }

    /**
     * The one setting that decides correctness, globally or for an instance, as an environment variable or a
     * system property (application.properties sets none).
     */
    static boolean serverZoneConfigured(Map<String, String> environment, Set<String> systemProperties) {
        boolean inEnvironment = environment.entrySet().stream().anyMatch(e -> e.getKey().startsWith("RESTART_CHECK_")
                && e.getKey().endsWith("SERVER_TIME_ZONE") && !e.getValue().isBlank());
        boolean inProperties = systemProperties.stream()
                .anyMatch(k -> k.startsWith("restart-check.") && k.endsWith("server-time-zone"));
        return inEnvironment || inProperties;
    }

    private static byte[] invoke(QuarkusStreamHandler handler, byte[] event) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), response, context());
        return response.toByteArray();
    }

    /** Connections the kernel queues while every thread is busy (the JDK's default is 50). */
    static final int BACKLOG = 1024;
    /** Requests served side by side, as concurrent invocations of the function would be. */
    static final int THREADS = 16;
    /** Seconds a request's line, headers and body may take to arrive; a stalled client is then disconnected. */
    static final int READ_TIMEOUT_SECONDS = 10;

    /**
     * Serves {@code invoke} (a payload 2.0 event in, the function's reply out) on 127.0.0.1 as a Function URL: side by
     * side, with a read timeout, and a body over {@code maxBodyBytes} refused with the function's own 413 before it is
     * read (by its Content-Length; a chunked one once it passes the limit).
     */
    static HttpServer serve(UnaryOperator<byte[]> invoke, int port, int maxBodyBytes, int readTimeoutSeconds)
            throws IOException {
        // Read by the JDK's server when its first instance is created: seconds from a request's first byte to its last.
        System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(readTimeoutSeconds));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), BACKLOG);
        server.setExecutor(Executors.newFixedThreadPool(THREADS));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = boundedBody(exchange, maxBodyBytes);
                JsonNode reply = body == null ? tooLarge(maxBodyBytes)
                        : MAPPER.readTree(invoke.apply(MAPPER.writeValueAsBytes(event(exchange, body))));
                reply.path("headers").fields().forEachRemaining(
                        h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue().asText()));
                byte[] out = reply.path("body").asText("").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.path("statusCode").asInt(502), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    try (OutputStream stream = exchange.getResponseBody()) {
                        stream.write(out);
                    }
                }
            }
        });
        server.start();
        return server;
    }

    /** The body, or {@code null} when it is longer than the limit: then no more than the limit is read. */
    private static byte[] boundedBody(HttpExchange exchange, int maxBodyBytes) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length.strip()) > maxBodyBytes) {
                return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        byte[] body = exchange.getRequestBody().readNBytes(maxBodyBytes + 1);
        return body.length > maxBodyBytes ? null : body;
    }

    /** The function's own answer to a body over restart-check.webhook.max-body-bytes. */
    private static JsonNode tooLarge(int maxBodyBytes) throws IOException {
        ObjectNode error = MAPPER.createObjectNode();
        error.putObject("error").put("code", "PAYLOAD_TOO_LARGE").put("field", "body")
                .put("message", "body: has more than " + maxBodyBytes + " bytes; at most " + maxBodyBytes
                        + " are read (restart-check.webhook.max-body-bytes), so it was refused unread");
        ObjectNode reply = MAPPER.createObjectNode().put("statusCode", 413).put("body", error.toString());
        reply.putObject("headers").put("content-type", "application/json");
        return reply;
    }

    /** The Function URL / HTTP API payload 2.0 event for this request; the body travels base64-encoded. */
    private static ObjectNode event(HttpExchange exchange, byte[] body) {
        ObjectNode event = MAPPER.createObjectNode().put("version", "2.0").put("routeKey", "$default")
                .put("rawPath", exchange.getRequestURI().getRawPath())
                .put("rawQueryString", exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        event.putObject("requestContext").putObject("http").put("method", exchange.getRequestMethod())
                .put("path", exchange.getRequestURI().getRawPath()).put("sourceIp", "127.0.0.1");
        event.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
        return event;
    }

    /** A Lambda context with plausible values; only the request id matters to the function. */
    private static Context context() {
        String requestId = UUID.randomUUID().toString();
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, methodArgs) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName" -> "mcsynch-restart-check-local";
                    case "getFunctionVersion" -> "$LATEST";
                    case "getMemoryLimitInMB" -> 512;
                    case "getRemainingTimeInMillis" -> 15_000;
                    case "toString" -> "LocalContext[" + requestId + "]";
                    default -> null;
                });
    }
}
