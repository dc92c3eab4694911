package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.SignedWebhooks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambda managed instances may run several invocations in one process at once: the handler must give
 * each the same answer it gives alone. Mixed inputs, many threads, every answer checked.
 */
@QuarkusTest
class ConcurrentInvocationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 16;
    private static final int INVOCATIONS = 800;

    @Inject
    RestartCheckHandler handler;

    private record Case(String name, String event, Function<JsonNode, String> answer, String expected) {
    }

    @Test
    void manyInvocationsInParallel_eachGetItsOwnCorrectAnswer() throws Exception {
        List<Case> cases = cases();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < INVOCATIONS; i++) {
                Case c = cases.get(i % cases.size());
                answers.add(pool.submit((Callable<String>) () -> c.answer().apply(call(c.event()))));
            }
            for (int i = 0; i < INVOCATIONS; i++) {
                Case c = cases.get(i % cases.size());
                assertThat(answers.get(i).get(30, TimeUnit.SECONDS)).as("invocation %d (%s)", i, c.name())
                        .isEqualTo(c.expected());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Case> cases() {
        String matchAt = "2024-06-13T06:00:03Z";
        return List.of(
                new Case("direct MATCH", file("events/direct-invocation.json"),
                        a -> a.path("verdict").asText() + " " + a.path("recommendation").path("schedulerStart").asText(),
                        "MATCH 06:05"),
                new Case("direct NO_MATCH", "{\"workflow\":\"mcSynch_mcExec1\",\"failedAt\":\"2024-06-13T14:00:00Z\","
                        + "\"error\":\"Empty return for method 'Logon' of service 'xtk:session'\"}",
                        a -> a.path("verdict").asText() + " " + a.path("failedAt").asText(), "NO_MATCH 2024-06-13T14:00:00Z"),
                new Case("other workflow", "{\"workflow\":\"billing\",\"failedAt\":\"" + matchAt + "\",\"error\":\"x\"}",
                        a -> a.path("verdict").asText() + " " + a.path("workflow").asText(), "NO_MATCH billing"),
                new Case("bad input", "{\"workflow\":\"mcSynch_mcExec1\",\"timeZone\":\"Mars/Olympus\",\"error\":\"x\"}",
                        a -> a.path("error").path("code").asText() + " " + a.path("error").path("field").asText(),
                        "INVALID_INPUT timeZone"),
                new Case("signed webhook", null,
                        a -> a.path("statusCode").asText() + " " + a.path("body").asText().contains("\"verdict\":\"MATCH\""),
                        "200 true"),
                new Case("unsigned webhook", file("events/http-api-webhook.json"),
                        a -> a.path("statusCode").asText(), "401"),
                new Case("sns", file("events/sns-notification.json"), a -> a.path("verdict").asText(), "MATCH"),
                new Case("audit", file("events/scheduled-audit.json"),
                        a -> a.path("instances").get(0).path("instance").asText(), "mcExec1"));
    }

    /** Signed per call: a signature made once would go stale if the run were slow. */
    private JsonNode call(String event) {
        String sent = event == null ? SignedWebhooks.signedFile("events/http-api-webhook.json") : event;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(sent.getBytes(StandardCharsets.UTF_8)), out, null);
            return JSON.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String file(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
