import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A fake AWS Lambda Runtime API (version 2018-06-01) on 127.0.0.1, for benchmarking a packaged
 * function under the real runtime interface client (RIC), as on Lambda's managed Java runtime.
 *
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true bench/FakeRuntimeApi.java --log FILE
 *      [--restart-body FILE [--expect-verdict VERDICT]] EVENT.json [EVENT.json ...]
 * </pre>
 *
 * Driven over stdin/stdout by bench/run. Each stdin line {@code invoke N} queues N more events,
 * cycling through the event files; a {@code /next} poll with nothing queued is held open, as on
 * Lambda, so the driver decides how many events a function process gets. {@code reset} drops the
 * polls held so far: their process has been killed, and must not swallow the next event. EOF on
 * stdin stops the server.
 *
 * <p>With {@code --restart-body}, it also serves the execution instance's restart-time endpoint on a
 * second loopback port: every {@code GET} there answers that body (HTTP/1.1, keep-alive). The time
 * the endpoint spends on each request, from the first byte of the request read to the last byte of
 * the response written, is charged to the invocation handed out at that moment (invocations are
 * sequential), so bench/run can subtract the upstream from the latency. An invocation then only
 * counts as ok if it made at least one such request, and, with {@code --expect-verdict}, if its
 * top-level {@code verdict} is that value.
 *
 * <p>On stdout: {@code port P R} once listening (R: the restart endpoint's port, 0 if none),
 * {@code done SEQ OK} per answered invocation, {@code init-error} if the runtime reports one. Each
 * answered invocation is also appended to the log as TSV: seq, event, handed-out and received times
 * (epoch µs, comparable with bash's $EPOCHREALTIME), latency (µs, monotonic clock), kind
 * (response|error), ok (1 = a JSON verdict), upstream (µs spent in the restart endpoint), upstream
 * requests, and first upstream request (µs after the event was handed out, -1 if none).
 */
public class FakeRuntimeApi {

    private static final String BASE = "/2018-06-01/runtime/";
    private static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:mcsynch-restart-check-bench";

    private record Event(String file, byte[] body) {}

    /** One event handed out and not yet answered, with the restart endpoint's time spent on it so far. */
    private record Pending(int seq, String file, long outEpochMicros, long outNanos,
                           AtomicLong upstreamNanos, AtomicInteger upstreamCalls, AtomicLong firstUpstreamNanos,
                           AtomicInteger upstreamInFlight) {
        Pending(int seq, String file, long outEpochMicros, long outNanos) {
            this(seq, file, outEpochMicros, outNanos, new AtomicLong(), new AtomicInteger(), new AtomicLong(-1),
                    new AtomicInteger());
        }

        /**
         * The restart endpoint's thread books its time only after the response's last byte is written, which
         * the function may already have read and acted on: wait (briefly) for that booking.
         */
        void awaitUpstreamBooked() {
            long until = System.nanoTime() + 1_000_000_000L;
            while (upstreamInFlight.get() > 0 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    }

    private final List<Event> events;
    private final PrintWriter log;
    private final AtomicInteger handedOut = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** The invocation the function is working on: the last one handed out, until it is answered. */
    private volatile Pending current;
    private final AtomicInteger strayUpstream = new AtomicInteger();
    private byte[] restartResponse; // null: no restart endpoint
    private Pattern expectedVerdict; // null: any verdict
    // Guarded by this: events queued by the driver, and the generation of polls still wanted.
    private int queued;
    private int generation;

    FakeRuntimeApi(List<Event> events, PrintWriter log) {
        this.events = events;
        this.log = log;
    }

    public static void main(String[] args) {
        try {
            serve(args);
            System.exit(0); // the driver closed our stdin: finished, or died
        } catch (Throwable t) { // exit even though HttpServer's dispatcher thread is still running
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void serve(String[] args) throws IOException {
        Path logFile = null;
        byte[] restartBody = null;
        String expect = null;
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--log" -> logFile = Path.of(args[++i]);
                case "--restart-body" -> restartBody = Files.readAllBytes(Path.of(args[++i]));
                case "--expect-verdict" -> expect = args[++i];
                default -> events.add(new Event(Path.of(args[i]).getFileName().toString(), Files.readAllBytes(Path.of(args[i]))));
            }
        }
        if (events.isEmpty() || logFile == null) {
            System.err.println("usage: FakeRuntimeApi --log FILE [--restart-body FILE [--expect-verdict V]] EVENT.json ...");
            System.exit(2);
        }
        FakeRuntimeApi api = new FakeRuntimeApi(events,
                new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8), true));

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(BASE, api::handle);
        // A thread per request: a held /next poll must not block the function's POSTs.
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        int restartPort = 0;
        if (restartBody != null) {
            api.restartResponse = restartResponse(restartBody);
            api.expectedVerdict = expect == null ? null
                    : Pattern.compile("\"verdict\"\\s*:\\s*\"" + Pattern.quote(expect) + "\"");
            ServerSocket restart = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
            restartPort = restart.getLocalPort();
            daemon("restart-accept", () -> api.acceptRestart(restart)).start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.err.printf(
                "FakeRuntimeApi: handed out %d, answered %d, failures %d, restart requests outside an invocation %d%n",
                api.handedOut.get(), api.answered.get(), api.failures.get(), api.strayUpstream.get())));
        say("port " + server.getAddress().getPort() + " " + restartPort);

        BufferedReader control = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = control.readLine()) != null; ) {
            if (line.startsWith("invoke ")) {
                api.queue(Integer.parseInt(line.substring("invoke ".length()).strip()));
            } else if (line.equals("reset")) {
                api.reset();
            } else {
                System.err.println("FakeRuntimeApi: unknown command " + line);
            }
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath().substring(BASE.length());
            String method = ex.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(ex);
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/response")) {
                answer(ex, path.substring("invocation/".length(), path.length() - "/response".length()), "response");
            } else if (method.equals("POST") && path.startsWith("invocation/") && path.endsWith("/error")) {
                answer(ex, path.substring("invocation/".length(), path.length() - "/error".length()), "error");
            } else if (method.equals("POST") && path.equals("init/error")) {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                failures.incrementAndGet();
                System.err.println("FakeRuntimeApi: init error " + errorType(ex) + ": " + body);
                say("init-error");
                reply(ex, 202, "{\"status\":\"OK\"}");
            } else {
                System.err.println("FakeRuntimeApi: unexpected " + method + " " + ex.getRequestURI());
                reply(ex, 404, "{\"errorMessage\":\"not found\",\"errorType\":\"InvalidRequest\"}");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("FakeRuntimeApi: " + e); // HttpServer would swallow it
            throw e;
        } finally {
            ex.close();
        }
    }

    private void next(HttpExchange ex) throws IOException {
        if (!awaitEvent()) {
            return; // dropped by reset: nobody is listening on this connection any more
        }
        int seq = handedOut.incrementAndGet();
        Event event = events.get((seq - 1) % events.size());
        String id = String.format("00000000-0000-4000-8000-%012d", seq);
        var headers = ex.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", id);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 15_000));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", ARN);
        headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-%024d;Parent=0000000000000000;Sampled=0".formatted(seq));
        headers.set("Content-Type", "application/json"); // RIC 2.9.0 crashes (SIGSEGV) without it
        // Stamped as late as possible before the event leaves, so latency = handler + RIC overhead.
        Pending p = new Pending(seq, event.file(), epochMicros(), System.nanoTime());
        pending.put(id, p);
        current = p;
        ex.sendResponseHeaders(200, event.body().length);
        ex.getResponseBody().write(event.body());
    }

    private synchronized void queue(int n) {
        queued += n;
        notifyAll();
    }

    private synchronized void reset() {
        generation++;
        notifyAll();
    }

    /** Long poll: true once an event is ours, false if a reset dropped this poll first. */
    private synchronized boolean awaitEvent() {
        int mine = generation;
        try {
            while (generation == mine) {
                if (queued > 0) {
                    queued--;
                    return true;
                }
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void answer(HttpExchange ex, String id, String kind) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        long inNanos = System.nanoTime();
        long inEpoch = epochMicros();
        Pending p = pending.remove(id);
        if (p != null && current == p) {
            current = null;
        }
        if (p == null) {
            failures.incrementAndGet();
            System.err.println("FakeRuntimeApi: " + kind + " for unknown request id " + id);
            reply(ex, 400, "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
            return;
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        p.awaitUpstreamBooked(); // after inNanos was taken: the latency is not affected
        int calls = p.upstreamCalls().get();
        boolean ok = kind.equals("response") && isVerdict(body)
                && (restartResponse == null || calls >= 1)
                && (expectedVerdict == null || expectedVerdict.matcher(body).find());
        if (!ok && failures.incrementAndGet() <= 5) { // show the first few, not thousands
            System.err.printf("FakeRuntimeApi: invocation %d (%s) failed (%d restart request(s)): %s%s %s%n", p.seq(),
                    p.file(), calls, kind, kind.equals("error") ? " " + errorType(ex) : "",
                    body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
        reply(ex, 202, "{\"status\":\"OK\"}");
        long first = p.firstUpstreamNanos().get();
        log.printf("%d\t%s\t%d\t%d\t%d\t%s\t%d\t%d\t%d\t%d%n", p.seq(), p.file(), p.outEpochMicros(), inEpoch,
                (inNanos - p.outNanos()) / 1_000, kind, ok ? 1 : 0, p.upstreamNanos().get() / 1_000, calls,
                first < 0 ? -1 : first / 1_000);
        answered.incrementAndGet();
        say("done " + p.seq() + " " + (ok ? 1 : 0));
    }

    // --- the restart-time endpoint -------------------------------------------------------------------

    private static byte[] restartResponse(byte[] body) {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void acceptRestart(ServerSocket server) {
        try {
            while (true) {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                daemon("restart-endpoint", () -> restartConnection(socket)).start();
            }
        } catch (IOException e) {
            System.err.println("FakeRuntimeApi: restart endpoint: " + e);
        }
    }

    /**
     * One keep-alive connection: reads each request head, answers the restart body. The clock starts
     * when the request's first byte has been read and stops when the whole response has been written
     * to the socket; that span is the upstream's share of the invocation's latency.
     */
    private void restartConnection(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder(256);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return; // the client closed its pooled connection
                }
                long start = System.nanoTime();
                // Charged to the invocation in flight when the request arrives (invocations are sequential).
                Pending p = current;
                if (p != null) {
                    p.upstreamInFlight().incrementAndGet();
                }
                head.setLength(0);
                head.append((char) b);
                while (!(head.length() >= 4 && head.charAt(head.length() - 1) == '\n' && head.charAt(head.length() - 2) == '\r'
                        && head.charAt(head.length() - 3) == '\n' && head.charAt(head.length() - 4) == '\r')) {
                    if ((b = in.read()) < 0) {
                        return;
                    }
                    head.append((char) b);
                }
                boolean close = head.toString().toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close");
                if (!head.toString().startsWith("GET ")) {
                    System.err.println("FakeRuntimeApi: restart endpoint got " + head.toString().lines().findFirst().orElse(""));
                }
                out.write(restartResponse);
                out.flush();
                long end = System.nanoTime();
                if (p != null) {
                    p.upstreamNanos().addAndGet(end - start);
                    p.upstreamCalls().incrementAndGet();
                    p.firstUpstreamNanos().compareAndSet(-1, start - p.outNanos());
                    p.upstreamInFlight().decrementAndGet();
                } else {
                    strayUpstream.incrementAndGet(); // e.g. a request made during init
                }
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // the function process was killed mid-connection: nothing to charge
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * A verdict is a JSON object with a "verdict" member, either directly (direct and SNS
     * invocations) or inside an HTTP reply's JSON-string body (webhooks), where its quotes are escaped.
     */
    static boolean isVerdict(String body) {
        String json = body.strip();
        return json.startsWith("{") && json.endsWith("}")
                && (json.contains("\"verdict\"") || json.contains("\\\"verdict\\\""));
    }

    private static String errorType(HttpExchange ex) {
        return String.valueOf(ex.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** One protocol line to bench/run; synchronized so lines from concurrent requests never interleave. */
    private static synchronized void say(String line) {
        System.out.print(line + "\n"); // one write per line: bench/run reads with a timeout
        System.out.flush();
        if (System.out.checkError()) { // the driver is gone: stop serving rather than linger
            System.err.println("FakeRuntimeApi: stdout closed, exiting");
            System.exit(1);
        }
    }
}
