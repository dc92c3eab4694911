package com.campaignops.ka05406.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./invoke --serve}, the local Function URL the README's curl examples use: {@code src/local/java/LocalInvoke.java}
 * compiled as the launcher compiles it, serving a stand-in for the function (the packaged function is not built by
 * the tests). It serves side by side, drops a stalled request, and refuses an oversized body without reading it.
 * Run on event files, it says in one line when the execution server's zone is not configured (the README's promise).
 */
class LocalServeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1024;
    private static final int READ_TIMEOUT_SECONDS = 1;

    /** What the stand-in does with each event; set by each test. */
    private static volatile UnaryOperator<byte[]> function = event -> reply(200, "ok");
    private static final AtomicInteger invocations = new AtomicInteger();
    private static HttpServer server;
    private static URLClassLoader loader;

    @BeforeAll
    static void compileAndServe(@org.junit.jupiter.api.io.TempDir Path classes) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-proc:none", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), "src/local/java/LocalInvoke.java");
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, LocalServeTest.class.getClassLoader());
        Method serve = loader.loadClass("LocalInvoke").getDeclaredMethod("serve", UnaryOperator.class, int.class,
                int.class, int.class);
        serve.setAccessible(true);
        UnaryOperator<byte[]> counted = event -> {
            invocations.incrementAndGet();
            return function.apply(event);
        };
        server = (HttpServer) serve.invoke(null, counted, 0, MAX_BODY, READ_TIMEOUT_SECONDS);
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop(0);
        loader.close();
    }

    @Test
    void requests_areServedSideBySide() throws Exception {
        CountDownLatch bothInFlight = new CountDownLatch(2);
        function = event -> {
            bothInFlight.countDown();
            try {
                // Only a server that runs both at once lets each see the other.
                return reply(bothInFlight.await(10, TimeUnit.SECONDS) ? 200 : 504, "together");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return reply(500, "interrupted");
            }
        };
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = List.of(post(client, "{}"), post(client, "{}"));

        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                                                    | -                                               | false
            TZ=Europe/Paris                                      | user.timezone                                   | false
            RESTART_CHECK_SCHEDULED_RESTART_SERVER_TIME_ZONE=    | -                                               | false
            RESTART_CHECK_SCHEDULED_RESTART_SERVER_TIME_ZONE=UTC | -                                               | true
            RESTART_CHECK_INSTANCES_PRIMARY_SERVER_TIME_ZONE=UTC | -                                               | true
            -                                                    | restart-check.scheduled-restart.server-time-zone | true
            -                                                    | restart-check.instances.primary.server-time-zone | true
            """)
    void theServerZoneNotice_isPrintedUnlessAServerZoneSettingIsGiven(String variable, String property,
                                                                     boolean configured) throws Exception {
        Method check = loader.loadClass("LocalInvoke").getDeclaredMethod("serverZoneConfigured", Map.class, Set.class);
        check.setAccessible(true);
        Map<String, String> environment = variable == null ? Map.of()
                : Map.of(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
        Set<String> properties = property == null ? Set.of() : Set.of(property);

        assertThat(check.invoke(null, environment, properties)).isEqualTo(configured);
    }

    @Test
    void aBodyOverTheLimit_isRefusedWith413_beforeItIsRead() throws Exception {
        function = event -> reply(200, "never");
        int before = invocations.get();
        try (Socket socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
            socket.setSoTimeout(10_000);
            // The headers announce 100 MB; not one byte of it is sent, so only a refusal can answer.
            socket.getOutputStream().write(("POST /diagnose HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                    + "\r\nContent-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readNBytes(400), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE").contains("at most", "1024")
                    .doesNotContain("never");
        }
        assertThat(invocations.get()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimit_isRefusedToo() throws Exception {
        function = event -> reply(200, "never");
        HttpRequest request = HttpRequest.newBuilder(uri()).POST(HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(new byte[MAX_BODY * 4]))).build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(answer.body()).path("error").path("field").asText()).isEqualTo("body");
    }

    @Test
    void aStalledRequest_isDisconnected_afterTheReadTimeout() throws Exception {
        function = event -> reply(200, "never");
        try (Socket socket = new Socket("127.0.0.1", server.getAddress().getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /diagnose HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n{\"wo"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(read).as("closed without an answer").isEqualTo(-1);
            assertThat(waited).as("ms until the server hung up").isLessThan(10_000);
        }
    }

    @Test
    void theReplysStatusHeadersAndBody_areTheFunctions() throws Exception {
        function = event -> {
            try {
                var parsed = JSON.readTree(event);
                String body = new String(java.util.Base64.getDecoder().decode(parsed.path("body").asText()),
                        StandardCharsets.UTF_8);
                return reply(201, parsed.path("requestContext").path("http").path("method").asText() + " " + body);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };

        HttpResponse<String> answer = post(HttpClient.newHttpClient(), "{\"workflow\":\"mcSynch_x\"}").get(20,
                TimeUnit.SECONDS);

        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.headers().firstValue("x-stand-in")).contains("yes");
        assertThat(answer.body()).isEqualTo("POST {\"workflow\":\"mcSynch_x\"}");
    }

    private static CompletableFuture<HttpResponse<String>> post(HttpClient client, String body) {
        return client.sendAsync(HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/diagnose");
    }

    private static byte[] reply(int status, String body) {
        var reply = JSON.createObjectNode().put("statusCode", status).put("body", body);
        reply.putObject("headers").put("x-stand-in", "yes");
        return reply.toString().getBytes(StandardCharsets.UTF_8);
    }
}
