import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what one cold start of a function JVM was made of, for bench/coldstart:
 *
 * <pre>
 * java bench/ColdStartBreakdown.java classes CLASS_LOAD_LOG INIT_END_MS
 * java bench/ColdStartBreakdown.java samples JFR_PRINT_OUTPUT INIT_END_MS
 * </pre>
 *
 * {@code classes}: a {@code -Xlog:class+load:file=...:uptime} log. Counts the classes loaded during
 * init (JVM uptime up to INIT_END_MS, the launch → first /next time of that run) and after it (the
 * first invocation), by library, and how many came from the CDS archive. "Time" per library is the
 * gap between consecutive class loads charged to the library of the later class: a crude proxy,
 * since whatever ran between two loads is charged to the next class loaded.
 *
 * <p>{@code samples}: the text of {@code jfr print --events jdk.ExecutionSample --stack-depth 64}.
 * Each sample is charged to the library of its innermost non-JDK frame (the code that asked for the
 * work), split into init and first invocation by the sample's uptime.
 */
public class ColdStartBreakdown {

    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        // First matching prefix wins.
        GROUPS.put("com.campaignops.", "app (com.campaignops)");
        GROUPS.put("com.amazonaws.services.lambda.runtime.api.client.", "AWS RIC");
        GROUPS.put("com.amazonaws.services.lambda.runtime.serialization.", "AWS RIC");
        GROUPS.put("com.amazonaws.services.lambda.", "aws-lambda-java-core/events");
        GROUPS.put("software.amazon.", "AWS RIC");
        GROUPS.put("io.quarkus.arc.", "ArC (CDI)");
        GROUPS.put("io.quarkus.amazon.lambda.", "Quarkus Lambda");
        GROUPS.put("io.quarkus.rest.client.", "REST client (RESTEasy Reactive)");
        GROUPS.put("io.quarkus.restclient.", "REST client (RESTEasy Reactive)");
        GROUPS.put("io.quarkus.jaxrs.client.", "REST client (RESTEasy Reactive)");
        GROUPS.put("org.jboss.resteasy.reactive.", "REST client (RESTEasy Reactive)");
        GROUPS.put("io.quarkus.resteasy.reactive.", "REST client (RESTEasy Reactive)");
        GROUPS.put("io.quarkus.vertx.", "Vert.x + Netty");
        GROUPS.put("io.quarkus.netty.", "Vert.x + Netty");
        GROUPS.put("io.vertx.", "Vert.x + Netty");
        GROUPS.put("io.netty.", "Vert.x + Netty");
        GROUPS.put("io.smallrye.reactive.", "Mutiny");
        GROUPS.put("io.smallrye.mutiny.", "Mutiny");
        GROUPS.put("io.quarkus.mutiny.", "Mutiny");
        GROUPS.put("io.smallrye.faulttolerance.", "SmallRye Fault Tolerance");
        GROUPS.put("io.quarkus.smallrye.faulttolerance.", "SmallRye Fault Tolerance");
        GROUPS.put("io.smallrye.config.", "SmallRye Config");
        GROUPS.put("io.quarkus.runtime.configuration.", "SmallRye Config");
        GROUPS.put("io.smallrye.context.", "context propagation");
        GROUPS.put("io.quarkus.smallrye.context.", "context propagation");
        GROUPS.put("com.fasterxml.jackson.", "Jackson");
        GROUPS.put("io.quarkus.jackson.", "Jackson");
        GROUPS.put("org.jboss.logmanager.", "logging");
        GROUPS.put("org.jboss.logging.", "logging");
        GROUPS.put("io.quarkus.logging.", "logging");
        GROUPS.put("io.quarkus.runtime.logging.", "logging");
        GROUPS.put("io.quarkus.", "Quarkus core + generated");
        GROUPS.put("io.smallrye.", "SmallRye common/other");
        GROUPS.put("org.jboss.threads.", "SmallRye common/other");
        GROUPS.put("org.eclipse.microprofile.", "Jakarta/MicroProfile APIs");
        GROUPS.put("jakarta.", "Jakarta/MicroProfile APIs");
        GROUPS.put("java.", "JDK");
        GROUPS.put("javax.", "JDK");
        GROUPS.put("jdk.", "JDK");
        GROUPS.put("sun.", "JDK");
        GROUPS.put("com.sun.", "JDK");
    }

    static String group(String className) {
        if (className.startsWith("com.campaignops.") && className.matches(".*_(Bean|ClientProxy|Subclass|Observer_.*|Synthetic.*)$")) {
            return "ArC (CDI)"; // generated beans of the application's classes
        }
        for (var e : GROUPS.entrySet()) {
            if (className.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "other (" + className.replaceAll("^([^.]+\\.[^.]+).*", "$1") + ")";
    }

    public static void main(String[] args) throws IOException {
        double initEndMs = Double.parseDouble(args[2]);
        switch (args[0]) {
            case "classes" -> classes(Path.of(args[1]), initEndMs);
            case "samples" -> samples(Path.of(args[1]), initEndMs);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** count, shared (CDS), time ms, per phase (0 init, 1 first invoke). */
    private record Tally(int[] count, int[] shared, double[] ms) {
        Tally() {
            this(new int[2], new int[2], new double[2]);
        }
    }

    private static void classes(Path log, double initEndMs) throws IOException {
        Pattern line = Pattern.compile("^\\[(\\d+\\.\\d+)s\\].*?\\s(\\S+) source: (.*)$");
        Map<String, Tally> byGroup = new TreeMap<>();
        Tally all = new Tally();
        double previous = 0;
        try (BufferedReader in = Files.newBufferedReader(log)) {
            for (String l; (l = in.readLine()) != null; ) {
                Matcher m = line.matcher(l);
                if (!m.find()) {
                    continue;
                }
                double ms = Double.parseDouble(m.group(1)) * 1000;
                int phase = ms <= initEndMs ? 0 : 1;
                boolean shared = m.group(3).contains("shared");
                Tally t = byGroup.computeIfAbsent(group(m.group(2)), g -> new Tally());
                for (Tally x : List.of(t, all)) {
                    x.count()[phase]++;
                    x.shared()[phase] += shared ? 1 : 0;
                    x.ms()[phase] += ms - previous;
                }
                previous = ms;
            }
        }
        System.out.println("| library | classes in init | of which from CDS | ms charged in init | classes in 1st invoke | ms charged in 1st invoke |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        List<Map.Entry<String, Tally>> rows = new ArrayList<>(byGroup.entrySet());
        rows.sort((a, b) -> Double.compare(b.getValue().ms()[0] + b.getValue().ms()[1], a.getValue().ms()[0] + a.getValue().ms()[1]));
        for (var e : rows) {
            row(e.getKey(), e.getValue());
        }
        row("**total**", all);
    }

    private static void row(String name, Tally t) {
        System.out.printf("| %s | %d | %d | %.0f | %d | %.0f |%n", name, t.count()[0], t.shared()[0], t.ms()[0], t.count()[1], t.ms()[1]);
    }

    private static void samples(Path printed, double initEndMs) throws IOException {
        Pattern time = Pattern.compile("startTime = (\\d+):(\\d+):(\\d+)\\.(\\d+)");
        Pattern frame = Pattern.compile("^\\s+([\\w$.]+)\\.[\\w$<>]+\\(");
        List<double[]> dummy = new ArrayList<>();
        Map<String, int[]> byGroup = new TreeMap<>();
        Map<String, int[]> byTop = new TreeMap<>();
        int[] total = new int[2];
        // First pass: the events' wall-clock times; the first sample approximates JVM uptime 0 + offset.
        List<String> lines = Files.readAllLines(printed);
        Double first = null;
        List<Object[]> events = new ArrayList<>();
        double at = 0;
        List<String> frames = new ArrayList<>();
        for (String l : lines) {
            Matcher tm = time.matcher(l);
            if (tm.find()) {
                at = Integer.parseInt(tm.group(1)) * 3_600_000.0 + Integer.parseInt(tm.group(2)) * 60_000.0
                        + Integer.parseInt(tm.group(3)) * 1000.0 + Double.parseDouble("0." + tm.group(4)) * 1000;
                frames = new ArrayList<>();
                events.add(new Object[] {at, frames});
                continue;
            }
            Matcher fm = frame.matcher(l);
            if (fm.find()) {
                frames.add(fm.group(1));
            }
        }
        double jvmStart = Double.parseDouble(System.getProperty("jvmStartMs", "NaN"));
        for (Object[] ev : events) {
            double ms = (double) ev[0] - jvmStart;
            @SuppressWarnings("unchecked") List<String> st = (List<String>) ev[1];
            int phase = ms <= initEndMs ? 0 : 1;
            String g = "JDK";
            for (String cls : st) {
                String cg = group(cls);
                if (!cg.equals("JDK")) {
                    g = cg;
                    break;
                }
            }
            String top = st.isEmpty() ? "?" : st.get(0);
            String kind = top.startsWith("java.lang.ClassLoader") || top.contains("BuiltinClassLoader") || top.startsWith("jdk.internal.loader")
                    || top.startsWith("java.util.zip") || top.startsWith("java.util.jar") ? "class loading / jar reading (top frame)" : "other";
            byGroup.computeIfAbsent(g, k -> new int[2])[phase]++;
            byTop.computeIfAbsent(kind, k -> new int[2])[phase]++;
            total[phase]++;
        }
        System.out.println("| innermost non-JDK frame | samples in init | samples in 1st invoke |");
        System.out.println("|---|---:|---:|");
        List<Map.Entry<String, int[]>> rows = new ArrayList<>(byGroup.entrySet());
        rows.sort((a, b) -> (b.getValue()[0] + b.getValue()[1]) - (a.getValue()[0] + a.getValue()[1]));
        for (var e : rows) {
            System.out.printf("| %s | %d | %d |%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        for (var e : byTop.entrySet()) {
            System.out.printf("| _%s_ | %d | %d |%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        System.out.printf("| **total** | %d | %d |%n", total[0], total[1]);
    }
}
