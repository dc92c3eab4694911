import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

/**
 * A fake Adobe Campaign control instance for the sweep bench and the local sweep: POST
 * /nl/jsp/soaprouter.jsp on 127.0.0.1 answers xtk:session#Logon, #Logoff and xtk:queryDef#ExecuteQuery
 * (xtk:workflow, xtk:workflowLog with lineCount/startLine) in the envelope shapes of
 * src/test/resources/campaign, each answer after a fixed delay. N workflows mcSynch_exec01..NN, each
 * with D days of hourly runs ending now; exec01 fails with KA-05406's signature at 06:00 Europe/Paris
 * (Campaign's default processRestartTime, in the operator's zone) every day.
 *
 *   java bench/FakeCampaign.java [--port 0] [--delay-ms 200] [--workflows 20] [--days 7]
 *
 * Prints "port N" once listening; GET /stats prints the requests per SOAPAction.
 */
public class FakeCampaign {

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern LINE_COUNT = Pattern.compile("lineCount=\"(\\d+)\"");
    private static final Pattern START_LINE = Pattern.compile("startLine=\"(\\d+)\"");
    private static final Pattern WORKFLOW_ID = Pattern.compile("\\[@workflow-id\\] = (\\d+)");
    private static final String HEAD = "<?xml version='1.0'?>\n<SOAP-ENV:Envelope xmlns:xsd='http://www.w3.org/2001/XMLSchema' "
            + "xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:ns='urn:%s' "
            + "xmlns:SOAP-ENV='http://schemas.xmlsoap.org/soap/envelope/'>\n<SOAP-ENV:Body>\n";
    private static final String TAIL = "</SOAP-ENV:Body>\n</SOAP-ENV:Envelope>\n";

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
        Instant now = Instant.now();
        List<List<String>> journals = new ArrayList<>();
        for (int w = 1; w <= workflows; w++) {
            journals.add(journal(w, now, days));
        }
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        int delay = delayMs;
        int count = workflows;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/stats", exchange -> reply(exchange, 200, "text/plain", counts.toString() + "\n"));
        server.createContext("/nl/jsp/soaprouter.jsp", exchange -> {
            try (exchange) {
                String action = String.valueOf(exchange.getRequestHeaders().getFirst("SOAPAction"));
                counts.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                sleep(delay);
                String answer = switch (action) {
                    case "xtk:session#Logon" -> logon(now);
                    case "xtk:session#Logoff" -> String.format(HEAD, "xtk:session")
                            + "<LogoffResponse xmlns='urn:xtk:session'/>\n" + TAIL;
                    case "xtk:queryDef#ExecuteQuery" -> body.contains("schema=\"xtk:workflow\"")
                            ? workflows(count, now) : journalPage(journals, body);
                    default -> null;
                };
                if (answer == null) {
                    reply(exchange, 500, "text/xml", fault("SOP-330006 The method is not defined."));
                } else {
                    reply(exchange, 200, "text/xml; charset=utf-8", answer);
                }
            }
        });
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
    }

    private static List<String> journal(int w, Instant now, int days) {
        List<String> newestFirst = new ArrayList<>();
        Instant t = now.truncatedTo(ChronoUnit.HOURS);
        Instant from = now.minus(Duration.ofDays(days));
        long id = w * 1_000_000L;
        String name = name(w);
        for (; t.isAfter(from); t = t.minus(Duration.ofHours(1))) {
            boolean fails = w == 1 && t.atZone(java.time.ZoneId.of("Europe/Paris")).getHour() == 6;
            newestFirst.add(row(id++, t.plusMillis(3512), fails ? 0 : 2,
                    fails ? "Empty return for method &apos;Logon&apos; of service &apos;xtk:session&apos;."
                            : "Transactional deliveries synchronized"));
            newestFirst.add(row(id++, t.plusMillis(1044), 2, "Workflow &apos;" + name + "&apos; is being run"));
        }
        return newestFirst;
    }

    private static String row(long id, Instant at, int type, String message) {
        return "<workflowLog activity=\"jsReplicateUrl\" id=\"" + id + "\" logDate=\"" + TS.format(at) + "\" logType=\""
                + type + "\" message=\"" + message + "\"/>\n";
    }

    private static String name(int w) {
        return String.format("mcSynch_exec%02d", w);
    }

    private static String logon(Instant now) {
        return String.format(HEAD, "xtk:session") + "<LogonResponse xmlns='urn:xtk:session'>\n"
                + "<pstrSessionToken xsi:type='xsd:string'>___bench-session</pstrSessionToken>\n"
                + "<pSessionInfo xsi:type='ns:Element'><sessionInfo><serverInfo instanceName=\"bench_mkt\" serverDate=\""
                + TS.format(now) + "\"/><userInfo login=\"sweep\" timezone=\"Europe/Paris\">"
                + "<installed-package name=\"messageCenterControl\" namespace=\"nms\"/></userInfo></sessionInfo></pSessionInfo>\n"
                + "<pstrSecurityToken xsi:type='xsd:string'>@bench-security==</pstrSecurityToken>\n</LogonResponse>\n" + TAIL;
    }

    private static String workflows(int count, Instant now) {
        StringBuilder out = new StringBuilder(String.format(HEAD, "xtk:queryDef"))
                .append("<ExecuteQueryResponse xmlns='urn:xtk:queryDef'><pdomOutput xsi:type='ns:Element'><workflow-collection>\n");
        for (int w = 1; w <= count; w++) {
            out.append("<workflow failed=\"").append(w == 1 ? 1 : 0).append("\" id=\"").append(w)
                    .append("\" internalName=\"").append(name(w)).append("\" label=\"Message Center ").append(w)
                    .append("\" lastStart=\"").append(TS.format(now.truncatedTo(ChronoUnit.HOURS)))
                    .append("\" state=\"").append(w == 1 ? 13 : 11).append("\"/>\n");
        }
        return out.append("</workflow-collection></pdomOutput></ExecuteQueryResponse>\n").append(TAIL).toString();
    }

    private static String journalPage(List<List<String>> journals, String query) {
        int id = Integer.parseInt(group(WORKFLOW_ID, query, "0"));
        int lineCount = Integer.parseInt(group(LINE_COUNT, query, "1000000"));
        int startLine = Integer.parseInt(group(START_LINE, query, "0"));
        List<String> journal = id >= 1 && id <= journals.size() ? journals.get(id - 1) : List.of();
        StringBuilder out = new StringBuilder(String.format(HEAD, "xtk:queryDef"))
                .append("<ExecuteQueryResponse xmlns='urn:xtk:queryDef'><pdomOutput xsi:type='ns:Element'><workflowLog-collection>\n");
        for (int i = startLine; i < Math.min(journal.size(), startLine + lineCount); i++) {
            out.append(journal.get(i));
        }
        return out.append("</workflowLog-collection></pdomOutput></ExecuteQueryResponse>\n").append(TAIL).toString();
    }

    private static String fault(String text) {
        return String.format(HEAD, "xtk:session") + "<SOAP-ENV:Fault><faultcode>SOAP-ENV:Client</faultcode><faultstring>"
                + text + "</faultstring></SOAP-ENV:Fault>\n" + TAIL;
    }

    private static String group(Pattern pattern, String text, String otherwise) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : otherwise;
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
