package com.campaignops.ka05406;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The one fake Campaign control instance: its SOAP router's answers (xtk:session#Logon, #Logoff,
 * xtk:queryDef#ExecuteQuery on xtk:workflow and xtk:workflowLog), in the envelopes of the fixtures in
 * src/test/resources/campaign.
 *
 * <p>For the tests, WireMock stubs answering the fixtures ({@link #healthy}). For {@code bench/sweep} and a local
 * sweep, {@link #main} serves a synthetic control instance on 127.0.0.1 in the same envelopes, each answer after a
 * fixed delay: N workflows mcSynch_exec01..NN, each with D days of hourly runs ending now; exec01 fails with
 * KA-05406's signature at 06:00 Europe/Paris (Campaign's default processRestartTime, in the operator's zone) every
 * day. Run from source with WireMock (compiled against, unused) and the fixtures on the class path:
 *
 * <pre>
 *   java -cp src/test/resources:wiremock-standalone.jar src/test/java/com/campaignops/ka05406/FakeCampaign.java \
 *       [--port 0] [--delay-ms 200] [--workflows 20] [--days 7]
 * </pre>
 *
 * It prints "port N" once listening; its router is at {@link #ROUTER}; GET /stats prints the requests per SOAPAction.
 */
public final class FakeCampaign {

    public static final String ROUTER = "/acme/nl/jsp/soaprouter.jsp";
    public static final String LOGON = "xtk:session#Logon";
    public static final String LOGOFF = "xtk:session#Logoff";
    public static final String QUERY = "xtk:queryDef#ExecuteQuery";

    private static final String WORKFLOWS = "schema=\"xtk:workflow\"";
    private static final String JOURNAL = "schema=\"xtk:workflowLog\"";
    private static final Pattern WORKFLOW_ID = Pattern.compile("\\[@workflow-id\\] = (\\d+)");
    private static final Pattern LINE_COUNT = Pattern.compile("lineCount=\"(\\d+)\"");
    private static final Pattern START_LINE = Pattern.compile("startLine=\"(\\d+)\"");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private FakeCampaign() {
    }

    public static String fixture(String name) {
        try (InputStream in = FakeCampaign.class.getResourceAsStream("/campaign/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture campaign/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ResponseDefinitionBuilder xml(String fixture) {
        return soap(200, fixture(fixture));
    }

    public static ResponseDefinitionBuilder soap(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml; charset=utf-8").withBody(body);
    }

    public static MappingBuilder call(String action) {
        return post(urlPathEqualTo(ROUTER)).withHeader("SOAPAction", equalTo(action));
    }

    public static MappingBuilder workflowQuery() {
        return call(QUERY).withRequestBody(containing(WORKFLOWS));
    }

    public static MappingBuilder journalQuery(long workflowId, int startLine) {
        return call(QUERY).withRequestBody(containing(JOURNAL))
                .withRequestBody(containing("[@workflow-id] = " + workflowId + "\""))
                .withRequestBody(containing("startLine=\"" + startLine + "\""));
    }

    public static RequestPatternBuilder requested(String action) {
        return postRequestedFor(urlPathEqualTo(ROUTER)).withHeader("SOAPAction", equalTo(action));
    }

    /** The whole healthy control instance: Logon, both workflows, their journals (mcExec1 in two pages), Logoff. */
    public static void healthy(WireMock wiremock) {
        wiremock.register(call(LOGON).willReturn(xml("logon-response.xml")));
        wiremock.register(call(LOGOFF).willReturn(xml("logoff-response.xml")));
        wiremock.register(workflowQuery().willReturn(xml("workflows.xml")));
        wiremock.register(journalQuery(4120, 0).willReturn(xml("journal-mcExec1-page0.xml")));
        wiremock.register(journalQuery(4120, 200).willReturn(xml("journal-mcExec1-page1.xml")));
        wiremock.register(journalQuery(4188, 0).willReturn(xml("journal-mcExec2.xml")));
    }

    public static void main(String[] args) throws IOException {
        int port = 0;
        int delayMs = 200;
        int workflows = 20;
        int days = 7;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--delay-ms" -> delayMs = Integer.parseInt(args[i + 1]);
                case "--workflows" -> workflows = Integer.parseInt(args[i + 1]);
                case "--days" -> days = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Synthetic campaign = new Synthetic(Instant.now(), workflows, days);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        int delay = delayMs;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/stats", exchange -> reply(exchange, 200, "text/plain", counts + "\n"));
        server.createContext(ROUTER, exchange -> {
            try (exchange) {
                String action = String.valueOf(exchange.getRequestHeaders().getFirst("SOAPAction"));
                counts.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                sleep(delay);
                String answer = campaign.answer(action, body);
                if (answer == null) {
                    String fault = fixture("fault-session-expired.xml").replaceFirst("(?s)<faultstring.*</detail>",
                            "<faultstring>SOP-330006 The method is not defined.</faultstring>");
                    reply(exchange, 500, "text/xml", fault);
                } else {
                    reply(exchange, 200, "text/xml; charset=utf-8", answer);
                }
            }
        });
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
    }

    /** The bench's control instance: the fixtures' envelopes around rows made up for now. */
    private record Synthetic(Instant now, int workflows, List<List<String>> journals) {

        Synthetic(Instant now, int workflows, int days) {
            this(now, workflows, new ArrayList<>());
            for (int w = 1; w <= workflows; w++) {
                journals.add(journal(w, days));
            }
        }

        /** The answer to one SOAP call, or {@code null} for a method the fake does not know. */
        String answer(String action, String body) {
            return switch (action) {
                case LOGON -> fixture("logon-response.xml")
                        .replaceFirst("instanceName=\"[^\"]*\"", "instanceName=\"bench_mkt\"")
                        .replaceFirst("serverDate=\"[^\"]*\"", "serverDate=\"" + TS.format(now) + "\"");
                case LOGOFF -> fixture("logoff-response.xml");
                case QUERY -> body.contains(WORKFLOWS) ? workflowList() : journalPage(body);
                default -> null;
            };
        }

        private List<String> journal(int w, int days) {
            List<String> newestFirst = new ArrayList<>();
            Instant from = now.minus(Duration.ofDays(days));
            long id = w * 1_000_000L;
            for (Instant t = now.truncatedTo(ChronoUnit.HOURS); t.isAfter(from); t = t.minus(Duration.ofHours(1))) {
                boolean fails = w == 1 && t.atZone(ZoneId.of("Europe/Paris")).getHour() == 6;
                newestFirst.add(row(id++, t.plusMillis(3512), fails ? 0 : 2,
                        fails ? "Empty return for method &apos;Logon&apos; of service &apos;xtk:session&apos;."
                                : "Transactional deliveries synchronized"));
                newestFirst.add(row(id++, t.plusMillis(1044), 2, "Workflow &apos;" + name(w) + "&apos; is being run"));
            }
            return newestFirst;
        }

        private static String row(long id, Instant at, int type, String message) {
            return "<workflowLog activity=\"jsReplicateUrl\" id=\"" + id + "\" logDate=\"" + TS.format(at)
                    + "\" logType=\"" + type + "\" message=\"" + message + "\"/>\n";
        }

        private static String name(int w) {
            return String.format("mcSynch_exec%02d", w);
        }

        private String workflowList() {
            StringBuilder rows = new StringBuilder();
            for (int w = 1; w <= workflows; w++) {
                rows.append("<workflow failed=\"").append(w == 1 ? 1 : 0).append("\" id=\"").append(w)
                        .append("\" internalName=\"").append(name(w)).append("\" label=\"Message Center ").append(w)
                        .append("\" lastStart=\"").append(TS.format(now.truncatedTo(ChronoUnit.HOURS)))
                        .append("\" state=\"").append(w == 1 ? 13 : 11).append("\"/>\n");
            }
            return collection("workflows.xml", "workflow-collection", rows);
        }

        private String journalPage(String query) {
            int id = Integer.parseInt(group(WORKFLOW_ID, query, "0"));
            int lineCount = Integer.parseInt(group(LINE_COUNT, query, "1000000"));
            int startLine = Integer.parseInt(group(START_LINE, query, "0"));
            List<String> journal = id >= 1 && id <= journals.size() ? journals.get(id - 1) : List.of();
            StringBuilder rows = new StringBuilder();
            for (int i = startLine; i < Math.min(journal.size(), startLine + lineCount); i++) {
                rows.append(journal.get(i));
            }
            return collection("journal-mcExec2.xml", "workflowLog-collection", rows);
        }

        /** The fixture's envelope with {@code rows} in place of its collection's. */
        private static String collection(String fixture, String element, CharSequence rows) {
            String envelope = fixture(fixture);
            int start = envelope.indexOf('>', envelope.indexOf("<" + element)) + 1;
            int end = envelope.indexOf("</" + element + ">");
            return envelope.substring(0, start) + "\n" + rows + envelope.substring(end);
        }

        private static String group(Pattern pattern, String text, String otherwise) {
            Matcher m = pattern.matcher(text);
            return m.find() ? m.group(1) : otherwise;
        }
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
