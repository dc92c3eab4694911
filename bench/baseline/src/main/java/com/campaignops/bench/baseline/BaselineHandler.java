package com.campaignops.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The benchmark's baseline: the product's job (is this mcSynch failure KA-05406, i.e. a Logon failure
 * at the execution instance's restart?) written the way a careful engineer would without a framework.
 * A plain {@link RequestStreamHandler}, one Jackson {@link ObjectMapper} and one {@link HttpClient},
 * both built once per process; configuration from the same environment variables as the product.
 *
 * <p>It does an honest equivalent of the product's main path: reads the notification (workflow,
 * failedAt, error, logs), recognises the signature "Empty return for method 'Logon' of service
 * 'xtk:session'" (case, quotes and HTML entities aside), fetches the instance's last restart from the
 * configured URL with connect/read timeouts and one retry on a transient failure, compares the failure
 * with it (5 min before to 10 min after, the product's default window) and answers a verdict JSON:
 * MATCH, NO_MATCH or INCONCLUSIVE. It leaves out what the product adds beyond that (translations,
 * neighbouring errors, schedules and time zones, the recommended scheduler offset, webhooks/SNS,
 * circuit breaker), which is work a warm invocation of the product does on top.
 */
public final class BaselineHandler implements RequestStreamHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WINDOW_BEFORE = Duration.ofMinutes(5);
    private static final Duration WINDOW_AFTER = Duration.ofMinutes(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Pattern WORKFLOW = Pattern.compile("mcsynch_[a-z0-9_]{1,64}", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTES_AND_ENTITIES = Pattern.compile("&#0*39;|&apos;|&quot;|[\"'`\u2018\u2019\u201c\u201d]");
    private static final Pattern SIGNATURE = Pattern.compile(
            "empty return for method\\s*logon\\s*of service\\s*xtk\\s*:\\s*session");

    private static final String RESTART_URL = System.getenv("RESTART_CHECK_INSTANCES_PRIMARY_RESTART_URL");
    private static final String POINTER = envOr("RESTART_CHECK_INSTANCES_PRIMARY_JSON_POINTER", "/lastRestart");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = MAPPER.readTree(input);
        ObjectNode answer = diagnose(event);
        MAPPER.writeValue(output, answer);
    }

    static ObjectNode diagnose(JsonNode event) {
        ObjectNode answer = MAPPER.createObjectNode();
        ArrayNode evidence = MAPPER.createArrayNode();
        String workflow = text(event, "workflow");
        String error = text(event, "error");
        Instant failedAt = instant(text(event, "failedAt"));
        // The error may only be in the journal lines: "timestamp\tpid\ttid\tn\tlevel\tlog\tmessage".
        JsonNode logs = event.path("logs");
        for (JsonNode line : logs) {
            String raw = line.isTextual() ? line.asText() : line.path("message").asText("");
            String message = raw.substring(raw.lastIndexOf('\t') + 1);
            if (isSignature(message) && (error == null || !isSignature(error))) {
                error = message;
                if (failedAt == null) {
                    String stamp = line.isTextual() ? raw.substring(0, Math.max(0, raw.indexOf('\t'))) : text(line, "logDate");
                    failedAt = instant(stamp);
                }
            }
        }
        answer.put("workflow", workflow);
        answer.put("failedAt", failedAt == null ? null : failedAt.toString());

        if (workflow == null || !WORKFLOW.matcher(workflow).matches()) {
            evidence.add("Workflow " + workflow + " is not a Message Center synchronization workflow (mcSynch_*).");
            return verdict(answer, "NO_MATCH", evidence);
        }
        if (error == null) {
            evidence.add("No error message was given.");
            return verdict(answer, "INCONCLUSIVE", evidence);
        }
        if (!isSignature(error)) {
            evidence.add("The error is not KA-05406's signature.");
            return verdict(answer, "NO_MATCH", evidence);
        }
        evidence.add("The error is KA-05406's signature: empty return for method 'Logon' of service 'xtk:session'.");
        if (failedAt == null) {
            evidence.add("No failure time to compare with the restart.");
            return verdict(answer, "INCONCLUSIVE", evidence);
        }
        Instant restartAt;
        try {
            restartAt = lastRestart();
        } catch (IOException | RuntimeException e) {
            evidence.add("The restart time could not be read: " + e.getClass().getSimpleName() + ".");
            return verdict(answer, "INCONCLUSIVE", evidence);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            evidence.add("Interrupted while reading the restart time.");
            return verdict(answer, "INCONCLUSIVE", evidence);
        }
        Duration delta = Duration.between(restartAt, failedAt);
        answer.put("restartAt", restartAt.toString());
        answer.put("minutesFromRestart", Math.round(delta.toMillis() / 600.0) / 100.0);
        boolean inside = delta.compareTo(WINDOW_BEFORE.negated()) >= 0 && delta.compareTo(WINDOW_AFTER) <= 0;
        evidence.add("The failure at " + failedAt + " is " + delta.abs().toSeconds() + " s "
                + (delta.isNegative() ? "before" : "after") + " the restart at " + restartAt
                + (inside ? ": inside" : ": outside") + " the window (5 min before to 10 min after).");
        return verdict(answer, inside ? "MATCH" : "NO_MATCH", evidence);
    }

    /** GET the restart URL; one retry after a timeout, an I/O error or a 5xx/429. */
    private static Instant lastRestart() throws IOException, InterruptedException {
        if (RESTART_URL == null || RESTART_URL.isBlank()) {
            throw new IllegalStateException("no restart URL configured");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(RESTART_URL))
                .timeout(READ_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    Instant at = instant(MAPPER.readTree(response.body()).at(POINTER));
                    if (at == null) {
                        throw new IOException("no instant at " + POINTER);
                    }
                    return at;
                }
                if (attempt >= 1 || (status < 500 && status != 429)) {
                    throw new IOException("HTTP " + status);
                }
            } catch (IOException e) {
                if (attempt >= 1 || e.getMessage() != null && e.getMessage().startsWith("HTTP ")
                        || e.getMessage() != null && e.getMessage().startsWith("no instant")) {
                    throw e;
                }
            }
            Thread.sleep(200);
        }
    }

    private static boolean isSignature(String text) {
        String plain = QUOTES_AND_ENTITIES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
        return SIGNATURE.matcher(plain).find();
    }

    private static Instant instant(JsonNode node) {
        if (node.isNumber()) {
            long v = node.asLong();
            return v > 100_000_000_000L ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        }
        return node.isTextual() ? instant(node.asText()) : null;
    }

    /** ISO-8601, or Campaign's "2024-06-13 06:00:03.512Z"; no zone means UTC. */
    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String iso = text.strip().replaceFirst(" ", "T");
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static ObjectNode verdict(ObjectNode answer, String verdict, ArrayNode evidence) {
        ObjectNode out = MAPPER.createObjectNode();
        out.put("verdict", verdict);
        out.setAll(answer);
        out.set("evidence", evidence);
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText().strip();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
