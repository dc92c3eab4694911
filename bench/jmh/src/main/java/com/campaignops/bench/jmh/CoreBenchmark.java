package com.campaignops.bench.jmh;

import com.campaignops.ka05406.diagnosis.Diagnoser;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.WorkflowPattern;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.notification.NotificationReader;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.signature.LogonSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The product's pure core on one thread, without Quarkus: what a warm invocation does between
 * receiving the event's bytes and having a decision, minus the restart fetch and the reply.
 *
 * <ul>
 *   <li>{@code typical*}: {@code events/direct-invocation.json} (two journal lines);</li>
 *   <li>{@code logs1000*}: the same notification with 1,000 journal lines (999 info lines, then the
 *       Logon error), no {@code error} field, so the error is found in the journal;</li>
 *   <li>{@code typicalVerdict{English,French}}: the typical notification to a MATCH verdict, the language chosen
 *       as the service chooses it (notification tag, header, setting) and every sentence written in it: the cost
 *       of speaking French rather than English, read at p50 (sample mode, microseconds);</li>
 *   <li>{@code scan5MbLog*}: a 5 MB journal (about 50,000 lines, the signature on the last one),
 *       as one text given to {@link LogonSignature#recognise}, and as one notification's logs.</li>
 * </ul>
 *
 * Each "triage" benchmark runs bytes → Jackson tree → {@link NotificationReader#readings} →
 * {@link Diagnoser#triage}; each "decide" benchmark adds {@link Diagnoser#decide} against an
 * observed restart 37 s after the failure (a MATCH, with its recommendation), as the function does.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CoreBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SIGNATURE_LINE =
            "2024-06-13T06:00:03.512Z\t41233\t41260\t1\terror\tlog\tEmpty return for method 'Logon' of service 'xtk:session'.";

    /** No line limit: the 5 MB journal (45,000 lines) is read whole, as with a raised max-log-lines. */
    private final NotificationReader reader = new NotificationReader(Integer.MAX_VALUE, java.time.Clock.systemUTC(), null,
            null, WorkflowNames.DEFAULT);
    private final Diagnoser diagnoser = new Diagnoser(DiagnosisRules.DEFAULT, new WorkflowPattern(List.of("mcSynch_*")));
    private final LogonSignature signature = new LogonSignature();
    private final RestartSchedule schedule = new RestartSchedule(LocalTime.of(6, 0), ZoneOffset.UTC);
    private final RestartFetch observed = new RestartFetch.Observed(RestartSource.HTTP_JSON,
            List.of(Instant.parse("2024-06-13T06:00:41Z")));

    private byte[] typical;
    private byte[] logs1000;
    private byte[] logs5Mb;
    private String log5Mb;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path event = Path.of(System.getProperty("bench.event", "events/direct-invocation.json"));
        typical = Files.readAllBytes(event);
        logs1000 = withJournal(journal(1_000));
        StringBuilder text = new StringBuilder(5 * 1024 * 1024 + 200);
        int lines = 0;
        while (text.length() < 5 * 1024 * 1024 - SIGNATURE_LINE.length()) {
            text.append(infoLine(lines++)).append('\n');
        }
        text.append(SIGNATURE_LINE);
        log5Mb = text.toString();
        logs5Mb = withJournal(log5Mb.split("\n"));
        // Sanity: every input is what it claims to be, and the answers are the expected ones.
        check(triage(typical) instanceof Diagnoser.Triage.NeedsRestartTime, "typical: a candidate");
        check(triage(logs1000) instanceof Diagnoser.Triage.NeedsRestartTime, "1,000 lines: a candidate");
        check(signature.recognise(log5Mb).matchesSignature(), "5 MB: signature found");
        check(verdictIn("fr").toString().contains("language=fr") && verdictIn(null).toString().contains("language=en"),
                "the French verdict is in French, the English one in English");
        System.err.printf("inputs: typical %d B, 1,000 lines %d B, 5 MB log %d chars (%d lines), as JSON %d B%n",
                typical.length, logs1000.length, log5Mb.length(), lines + 1, logs5Mb.length);
    }

    private static String infoLine(int i) {
        int s = i % 60;
        return "2024-06-13T05:%02d:%02d.%03dZ\t41233\t41260\t1\tinfo\tlog\tActivity 'js%d' processed %d records of nms:extAccount (step %d)"
                .formatted((i / 60) % 60, s, i % 1000, i % 7, i * 13 % 997, i);
    }

    /** N journal lines: N-1 info lines, then the Logon error. */
    private static String[] journal(int n) {
        String[] lines = new String[n];
        for (int i = 0; i < n - 1; i++) {
            lines[i] = infoLine(i);
        }
        if (n > 0) {
            lines[n - 1] = SIGNATURE_LINE;
        }
        return lines;
    }

    /** The direct-invocation notification with these journal lines and no error field. */
    private static byte[] withJournal(String[] lines) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("workflow", "mcSynch_mcExec1");
        n.put("failedAt", "2024-06-13 06:00:03.512Z");
        ArrayNode logs = n.putArray("logs");
        for (String line : lines) {
            logs.add(line);
        }
        return MAPPER.writeValueAsBytes(n);
    }

    private Diagnoser.Triage triage(byte[] json) throws IOException {
        JsonNode tree = MAPPER.readTree(json);
        Notification notification = reader.readings(tree).get(0);
        return diagnoser.triage(notification, Messages.english());
    }

    private Object decide(byte[] json) throws IOException {
        Diagnoser.Triage triage = triage(json);
        if (triage instanceof Diagnoser.Triage.NeedsRestartTime needs) {
            return diagnoser.decide(needs.candidate(), observed, schedule, ZoneOffset.UTC, WorkflowSchedule.ADOBE_DEFAULT, Messages.english());
        }
        return triage;
    }

    /** The typical notification to its verdict, every sentence in the language {@code tag} (or English). */
    private Object verdictIn(String tag) throws IOException {
        Messages messages = Messages.of(Language.choose(tag, null, null));
        Notification notification = reader.readings(MAPPER.readTree(typical)).get(0);
        Diagnoser.Triage triage = diagnoser.triage(notification, messages);
        if (triage instanceof Diagnoser.Triage.NeedsRestartTime needs) {
            return diagnoser.decide(needs.candidate(), observed, schedule, ZoneOffset.UTC,
                    WorkflowSchedule.ADOBE_DEFAULT, messages);
        }
        return triage;
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("benchmark input is wrong: " + what);
        }
    }

    // --- throughput: notifications per second on one thread --------------------------------------

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object typicalTriage() throws IOException {
        return triage(typical);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object typicalDecide() throws IOException {
        return decide(typical);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object typicalVerdictEnglish() throws IOException {
        return verdictIn(null);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object typicalVerdictFrench() throws IOException {
        return verdictIn("fr");
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object typicalRecogniseErrorOnly() {
        return signature.recognise("Empty return for method 'Logon' of service 'xtk:session'.");
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Object logs1000Decide() throws IOException {
        return decide(logs1000);
    }

    // --- a 5 MB log ---------------------------------------------------------------------------------

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object scan5MbLogAsOneText() {
        return signature.recognise(log5Mb);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object scan5MbLogAsNotification() throws IOException {
        return decide(logs5Mb);
    }
}
