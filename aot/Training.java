import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AOT cache's training run (JEP 483/515): starts the function once, as Lambda does, under the AWS
 * runtime interface client, against loopback fakes only, and sends it every invocation shape it
 * serves, so that the classes of the real paths, loaded and linked, end up in the cache (the cache is made
 * without method profiles: aot/build-cache's CACHE_FLAGS).
 *
 * <pre>
 * java aot/Training.java --events DIR --cache FILE --log FILE [--shapes all|direct] [--rounds N] [--smoke]
 *      -- JAVA [JVM FLAGS] -cp CLASSPATH com.amazonaws.services.lambda.runtime.api.client.AWSLambda HANDLER
 * </pre>
 *
 * With {@code --smoke} it only runs the invocations and checks the answers: no cache is written or
 * searched ({@code aot/check-mismatch} uses it to start the function with a cache it must ignore).
 *
 * One HTTP server on 127.0.0.1 (random port) plays every party the function talks to: the Lambda
 * Runtime API, the execution instances' restart sources (a JSON endpoint and a monitor.jsp), and the
 * AWS Parameters and Secrets Extension. Nothing leaves the machine. The webhook's signing secret is
 * 32 random bytes made here, for this run only; every configuration value is a training value (the
 * process gets a clean environment). The function gets {@code -XX:AOTCacheOutput=FILE}; after the
 * last answer it is stopped with SIGTERM, which is when the JVM writes the cache.
 *
 * <p>Every answer is checked (a verdict, the audit report, HTTP 200 for a signed webhook, 401 for an
 * unsigned one): a training run that did not exercise the paths it claims fails (exit 1).
 */
public class Training {

    private static final String API = "/2018-06-01/runtime/";
    private static final Pattern BODY = Pattern.compile("\"body\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern BASE64 = Pattern.compile("\"isBase64Encoded\"\\s*:\\s*true");
    private static final Pattern HEADERS = Pattern.compile("\"headers\"\\s*:\\s*\\{");

    /** One invocation to hand out: its name, how to make its body (late: signatures carry the time), what answers it. */
    private record Shot(String name, java.util.function.Supplier<byte[]> body, Pattern expect) {}

    private final BlockingQueue<Shot> queue = new LinkedBlockingQueue<>();
    private final Map<String, Shot> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Map<String, AtomicInteger> upstream = new ConcurrentHashMap<>();
    private final AtomicInteger seq = new AtomicInteger();
    private final String secret;
    private volatile String lastSignature;
    private boolean shapesAll;

    private Training(String secret) {
        this.secret = secret;
    }

    public static void main(String[] args) throws Exception {
        Path events = null, cache = null, log = null;
        String shapes = "all";
        int rounds = 5;
        boolean smoke = false;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Path.of(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]).toAbsolutePath();
                case "--log" -> log = Path.of(args[++i]);
                case "--shapes" -> shapes = args[++i];
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--smoke" -> smoke = true;
                case "--" -> {
                    command.addAll(List.of(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (events == null || (cache == null && !smoke) || log == null || command.size() < 2 || rounds < 1
                || !(shapes.equals("all") || shapes.equals("direct"))) {
            usage("missing or bad arguments");
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        System.exit(new Training(HexFormat.of().formatHex(key)).run(events, smoke ? null : cache, log, shapes, rounds,
                command));
    }

    private static void usage(String why) {
        System.err.println("Training: " + why + "\nusage: Training --events DIR --cache FILE --log FILE"
                + " [--shapes all|direct] [--rounds N] -- JAVA [FLAGS] -cp CP MAIN HANDLER");
        System.exit(2);
    }

    private int run(Path events, Path cache, Path log, String shapes, int rounds, List<String> command)
            throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(API, this::runtimeApi);
        server.createContext("/aot-training/", this::restartSources);
        server.createContext("/systemsmanager/", this::secretsExtension);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "training-fake");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        String local = "127.0.0.1:" + server.getAddress().getPort();

        shapesAll = shapes.equals("all"); // our function (the baseline has no KA-05406 constant to find)
        List<Shot> round = shots(events, shapes);
        for (int r = 0; r < rounds; r++) {
            queue.addAll(round);
        }
        int total = round.size() * rounds;

        List<String> cmd = new ArrayList<>(command);
        if (cache != null) {
            Files.deleteIfExists(cache);
            cmd.add(1, "-XX:AOTCacheOutput=" + cache);
        }
        String handler = cmd.get(cmd.size() - 1);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(trainingEnvironment(local, handler));
        System.err.printf("Training: %d invocations (%d shapes × %d rounds) on %s%n", total, round.size(), rounds, local);
        long start = System.nanoTime();
        Process fn = pb.start();
        int failed = 0;
        for (int i = 0; i < total; i++) {
            String answer = null;
            while (answer == null && fn.isAlive()) {
                answer = answers.poll(1, TimeUnit.SECONDS);
            }
            if (answer == null) {
                System.err.println("Training: the function exited early (exit " + fn.waitFor() + "), see " + log);
                return 1;
            }
            if (!answer.isEmpty()) {
                failed++;
                System.err.println("Training: " + answer);
            }
        }
        long answered = System.nanoTime();
        fn.destroy(); // SIGTERM: the JVM exits normally and writes the cache on the way out
        if (!fn.waitFor(300, TimeUnit.SECONDS)) {
            fn.destroyForcibly();
            System.err.println("Training: the function did not exit within 300 s of SIGTERM");
            return 1;
        }
        server.stop(0);
        System.err.printf("Training: %d answered in %.1f s (%d unexpected), JVM exited %.1f s later; restart-source"
                        + " and extension requests %s%n", total, (answered - start) / 1e9, failed,
                (System.nanoTime() - answered) / 1e9, upstream);
        if (failed > 0) {
            return 1;
        }
        if (cache == null) {
            return 0; // --smoke
        }
        if (!Files.isRegularFile(cache)) {
            System.err.println("Training: no cache at " + cache + " (see " + log + ")");
            return 1;
        }
        return scan(cache, local);
    }

    /**
     * Proof that the cache holds no secret and no configuration value: searches its bytes for every value
     * this run gave the function that is not in the application's own files (the signing secret and a
     * signature made with it, the session token, the parameter name, the loopback address and URLs, the
     * second instance's name), as Latin-1/UTF-8 (compact strings) and as UTF-16 (both byte orders).
     */
    private int scan(Path cache, String local) throws IOException {
        java.nio.MappedByteBuffer bytes;
        try (var channel = java.nio.channels.FileChannel.open(cache)) {
            bytes = channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
        Map<String, String> needles = new LinkedHashMap<>();
        needles.put("webhook signing secret", secret);
        needles.put("a signature made with it", lastSignature);
        needles.put("session token", "aot-training-session-token");
        needles.put("secret parameter name", "/aot-training/webhook-secret");
        needles.put("restart URL path", "/aot-training/mcExec1/restart-time");
        needles.put("monitor URL path", "/aot-training/nl/jsp/monitor.jsp");
        needles.put("loopback address and port", local);
        needles.put("second instance's name", "aotTraining");
        int found = 0;
        for (var needle : needles.entrySet()) {
            if (needle.getValue() == null) {
                continue;
            }
            for (var cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                if (indexOf(bytes, needle.getValue().getBytes(cs)) >= 0) {
                    found++;
                    System.err.println("Training: the cache contains the " + needle.getKey() + " (" + cs + ")");
                }
            }
        }
        // Control: a constant of the application's own code must be found, or the search proves nothing.
        boolean control = indexOf(bytes, "KA-05406".getBytes(StandardCharsets.UTF_8)) >= 0;
        System.err.printf("Training: searched the %d MB cache for %d training values (secret, signature, token,"
                + " parameter, URLs, address, instance) in UTF-8 and UTF-16: %s; control (the constant"
                + " \"KA-05406\" of our code) %s%n", bytes.capacity() >> 20, needles.size(),
                found == 0 ? "none found" : found + " found", control ? "found" : "NOT found");
        return found == 0 && (control || shapesAll == false) ? 0 : 1;
    }

    private static int indexOf(java.nio.ByteBuffer hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.capacity() - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay.get(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A clean environment, as Lambda gives it, with training values only: no real secret, URL or account. */
    private Map<String, String> trainingEnvironment(String local, String handler) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", local);
        env.put("LAMBDA_TASK_ROOT", System.getProperty("user.dir"));
        env.put("_HANDLER", handler);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "aot-training");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", "eu-west-1");
        env.put("AWS_DEFAULT_REGION", "eu-west-1");
        env.put("AWS_SESSION_TOKEN", "aot-training-session-token");
        // The instance the sample notifications name (mcSynch_mcExec1), read from a loopback JSON endpoint,
        // and a second one read from a loopback monitor.jsp, so the audit runs both restart-source kinds.
        env.put("RESTART_CHECK_INSTANCES_PRIMARY_NAME", "mcExec1");
        env.put("RESTART_CHECK_INSTANCES_PRIMARY_RESTART_URL", "http://" + local + "/aot-training/mcExec1/restart-time");
        env.put("RESTART_CHECK_INSTANCES_PRIMARY_JSON_POINTER", "/lastRestart");
        env.put("RESTART_CHECK_INSTANCES_TRAINING_NAME", "aotTraining");
        env.put("RESTART_CHECK_INSTANCES_TRAINING_RESTART_URL", "http://" + local + "/aot-training/nl/jsp/monitor.jsp");
        env.put("RESTART_CHECK_INSTANCES_TRAINING_RESTART_FORMAT", "monitor-xml");
        // The webhook secret comes the recommended way: Parameter Store, through the (fake) extension.
        env.put("RESTART_CHECK_WEBHOOK_SECRET_PARAMETER", "/aot-training/webhook-secret");
        env.put("RESTART_CHECK_WEBHOOK_SECRETS_EXTENSION_URL", "http://" + local);
        return env;
    }

    // --- the invocations -------------------------------------------------------------------------

    private List<Shot> shots(Path events, String shapes) throws IOException {
        Pattern verdict = Pattern.compile("\"verdict\"\\s*:\\s*\"[A-Z_]+\"");
        byte[] direct = Files.readAllBytes(events.resolve("direct-invocation.json"));
        List<Shot> shots = new ArrayList<>();
        shots.add(new Shot("direct-invocation", () -> direct, verdict));
        if (shapes.equals("direct")) {
            return shots;
        }
        for (String name : List.of("sns-notification", "eventbridge-notification", "cloudevent-notification")) {
            byte[] body = Files.readAllBytes(events.resolve(name + ".json"));
            shots.add(new Shot(name, () -> body, verdict));
        }
        byte[] audit = Files.readAllBytes(events.resolve("scheduled-audit.json"));
        shots.add(new Shot("scheduled-audit", () -> audit, Pattern.compile("\"instances\"\\s*:\\s*\\[")));
        Pattern ok = Pattern.compile("\"statusCode\"\\s*:\\s*200\\b");
        Pattern unauthorized = Pattern.compile("\"statusCode\"\\s*:\\s*401\\b");
        String notification = new String(direct, StandardCharsets.UTF_8).strip();
        for (String name : List.of("http-api-webhook", "function-url-webhook", "rest-api-webhook")) {
            String template = Files.readString(events.resolve(name + ".json"));
            // The samples as they are: unsigned, so refused (401) — the refusal path is a real path too.
            byte[] unsigned = template.getBytes(StandardCharsets.UTF_8);
            shots.add(new Shot(name + " (unsigned)", () -> unsigned, unauthorized));
            // The same request signed with this run's secret, signed when handed out (the check is ± 300 s).
            shots.add(new Shot(name + " (signed)", () -> signed(template, notification), ok));
        }
        return shots;
    }

    /** The webhook sample with the notification as its body and X-Webhook-Timestamp / -Signature added. */
    private byte[] signed(String template, String body) {
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        String hex = HexFormat.of().formatHex(hmac(ts + "." + body));
        lastSignature = hex;
        String signature = "sha256=" + hex;
        boolean base64 = BASE64.matcher(template).find();
        String encoded = base64 ? Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) : body;
        String event = BODY.matcher(template).replaceFirst(Matcher.quoteReplacement("\"body\": " + jsonString(encoded)));
        event = HEADERS.matcher(event).replaceFirst(Matcher.quoteReplacement("\"headers\": {\"x-webhook-timestamp\": \""
                + ts + "\", \"x-webhook-signature\": \"" + signature + "\", "));
        return event.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    // --- the fakes -------------------------------------------------------------------------------

    private void runtimeApi(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().substring(API.length());
            byte[] body = ex.getRequestBody().readAllBytes();
            if (ex.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
                Shot shot = queue.take(); // long poll, as on Lambda; the last one is never answered
                String id = "00000000-0000-4000-8000-%012d".formatted(seq.incrementAndGet());
                pending.put(id, shot);
                byte[] event = shot.body().get();
                var h = ex.getResponseHeaders();
                h.set("Lambda-Runtime-Aws-Request-Id", id);
                h.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 15_000));
                h.set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:000000000000:function:aot-training");
                h.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                h.set("Content-Type", "application/json"); // RIC 2.9.0 crashes (SIGSEGV) without it
                ex.sendResponseHeaders(200, event.length);
                ex.getResponseBody().write(event);
            } else if (ex.getRequestMethod().equals("POST") && path.startsWith("invocation/")) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Shot shot = pending.remove(id);
                String answer = new String(body, StandardCharsets.UTF_8);
                reply(ex, 202, "application/json", "{\"status\":\"OK\"}");
                if (shot == null) {
                    answers.add("answer for an unknown request id " + id);
                } else if (path.endsWith("/response") && shot.expect().matcher(answer).find()) {
                    answers.add("");
                } else {
                    answers.add(shot.name() + ": unexpected " + path.substring(path.lastIndexOf('/') + 1) + ": "
                            + (answer.length() > 500 ? answer.substring(0, 500) + "…" : answer));
                }
            } else {
                reply(ex, 202, "application/json", "{\"status\":\"OK\"}");
                answers.add(ex.getRequestMethod() + " " + path + ": " + new String(body, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The execution instances' restart sources: a JSON endpoint and Campaign's monitor.jsp. */
    private void restartSources(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            upstream.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (path.endsWith("/monitor.jsp")) {
                reply(ex, 200, "text/xml", """
                        <monitoring>
                          <host name="aot-training" build="9396" instance="aotTraining" serverDate="2024-06-13 06:07:12.000Z"/>
                          <process name="web@default" pid="41233" startDate="2024-06-13 06:00:41.000Z"/>
                          <process name="wfserver@aotTraining" pid="41260" startDate="2024-06-13 06:00:44.000Z"/>
                        </monitoring>
                        """);
            } else {
                reply(ex, 200, "application/json", "{\"instance\": \"mcExec1\", \"lastRestart\": \"2024-06-13T06:00:41Z\"}");
            }
        }
    }

    /** The AWS Parameters and Secrets Extension: hands out this run's throwaway signing secret. */
    private void secretsExtension(HttpExchange ex) throws IOException {
        try (ex) {
            upstream.computeIfAbsent("secrets-extension", p -> new AtomicInteger()).incrementAndGet();
            reply(ex, 200, "application/json", "{\"Parameter\": {\"Name\": \"/aot-training/webhook-secret\","
                    + " \"Type\": \"SecureString\", \"Value\": \"" + secret + "\"}}");
        }
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
