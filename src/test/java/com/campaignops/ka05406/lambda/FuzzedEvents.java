package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.SignedWebhooks;
import com.campaignops.ka05406.webhook.WebhookSignature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz corpus and its generator: every sample in events/ and every file in src/test/resources/bad-input,
 * grown by structure-aware, byte-level and envelope mutations. {@link #events} hands the generator to
 * QuickTheories: every choice it makes (which seed, which mutation, where, how many) is a draw from QuickTheories'
 * {@link RandomnessSource}, so a case is its list of draws, reproduces from QuickTheories' seed, and shrinks as
 * QuickTheories lowers those draws towards 0: the first option, fewer mutations, shorter text.
 */
final class FuzzedEvents {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes what mutations nest deeper than Jackson's default limit of 1000 (the handler must refuse it, not us). */
    static final ObjectMapper DEEP_WRITER = JsonMapper.builder(JsonFactory.builder()
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(1_000_000).build()).build())
            .build();

    private FuzzedEvents() {
    }

    /** The generated events, described (truncated) in QuickTheories' report of a falsifying case. */
    static Gen<Generated> events(Corpus corpus) {
        Gen<Generated> events = source -> new Generator(corpus, new Draws(source)).next();
        return events.describedAs(Generated::toString);
    }

    /**
     * A {@link Random} whose every answer is a draw QuickTheories records (a precursor) and may shrink: a choice
     * among {@code n} options is a draw in [0, n), shrinking towards the first.
     */
    static final class Draws extends Random {
        private final transient RandomnessSource source;

        Draws(RandomnessSource source) {
            super(0);
            this.source = source;
        }

        @Override
        protected int next(int bits) {
            return (int) source.next(Constraint.between(0, (1L << bits) - 1));
        }

        @Override
        public int nextInt(int bound) {
            if (bound <= 0) {
                throw new IllegalArgumentException("bound must be positive: " + bound);
            }
            return (int) source.next(Constraint.between(0, bound - 1));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The corpus and its mutations
    // ---------------------------------------------------------------------------------------------------------

    /** One generated event: its bytes, and how it was made (for the failure message and the tallies). */
    record Generated(String kind, byte[] bytes) {
        @Override
        public String toString() {
            return kind + ", " + bytes.length + " bytes: " + truncate(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** The text on one line, cut at 800 characters. */
    static String truncate(String text) {
        String shown = text.length() <= 800 ? text : text.substring(0, 800) + "… (" + text.length() + " chars)";
        return shown.replace("\n", "\\n");
    }

    /** The seed files, parsed once. */
    record Corpus(List<Seed> events, List<Seed> webhooks, List<Seed> notifications, List<Seed> badInputs) {

        record Seed(String name, String text, JsonNode json) {
        }

        static Corpus load() throws IOException {
            List<Seed> events = new ArrayList<>();
            List<Seed> webhooks = new ArrayList<>();
            List<Seed> notifications = new ArrayList<>();
            List<Seed> badInputs = new ArrayList<>();
            for (Path file : files(Path.of("events"))) {
                Seed seed = seed(file);
                events.add(seed);
                JsonNode json = seed.json;
                if (json.has("body")) {
                    webhooks.add(seed);
                    String body = json.path("isBase64Encoded").asBoolean()
                            ? new String(Base64.getDecoder().decode(json.path("body").asText()), StandardCharsets.UTF_8)
                            : json.path("body").asText();
                    notifications.add(new Seed(file + "#body", body, JSON.readTree(body)));
                } else if (json.has("Records")) {
                    String message = json.path("Records").path(0).path("Sns").path("Message").asText();
                    notifications.add(new Seed(file + "#Message", message, JSON.readTree(message)));
                } else if (json.path("detail").has("workflow")) {
                    notifications.add(new Seed(file + "#detail", json.get("detail").toString(), json.get("detail")));
                } else if (json.path("data").has("workflow")) {
                    notifications.add(new Seed(file + "#data", json.get("data").toString(), json.get("data")));
                } else if (json.has("workflow")) {
                    notifications.add(seed);
                }
            }
            for (Path file : files(Path.of("src/test/resources/bad-input"))) {
                Seed seed = seed(file);
                badInputs.add(seed);
                if (seed.json != null && seed.json.isObject() && seed.text.length() < 10_000) {
                    notifications.add(seed);
                }
            }
            assertThat(events).hasSizeGreaterThanOrEqualTo(8);
            assertThat(webhooks).hasSize(3);
            assertThat(badInputs).hasSizeGreaterThanOrEqualTo(20);
            return new Corpus(events, webhooks, notifications, badInputs);
        }

        private static List<Path> files(Path dir) throws IOException {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(Files::isRegularFile).sorted().toList();
            }
        }

        private static Seed seed(Path file) throws IOException {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            JsonNode json;
            try {
                json = JSON.readTree(text);
                json = json == null || json.isMissingNode() ? null : json;
            } catch (IOException e) {
                json = null;
            }
            return new Seed(file.toString(), text, json);
        }
    }

    /** Makes one case from one {@link Random} (a {@link Draws}); nothing else varies. */
    static final class Generator {

        private static final String[] TIMESTAMPS = {
            "2024-06-13T06:00:03Z", "2024-06-13 06:00:03.512Z", "2024-06-13 06:00:03", "2024/06/13 06:00:03",
            "2021-08-27 08:02:07.963-07", "2024-06-13T06:02:00+02:00", "2024-06-13T05:58:00Z", "2024-06-13T06:09:59Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z", "9999-12-31 23:59:59.999999999-18:00", "0001-01-01T00:00:00+18",
            "1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z", "2024-02-30T06:00:00Z", "2024-13-01T06:00:00Z",
            "2024-06-13T25:61:61Z", "2024-06-13T06:00:03+25:00", "2024-06-13T06:00:03-99:99",
            "2024-06-13T06:00:03+14:59", "2024-06-13T06:00:03+1", "2024-03-31 02:30:00", "2024-10-27 02:30:00",
            "2024-06-13T06:00:03.1234567891Z", "2024-06-13T06:00:03,5Z", "2024-06-13T06:00Z", "2024-06-13T06:00:03UTC",
            "2024-06-13T06:00:03 UTC", "1718258403", "1718258403512", "17182584035120000", "999999999",
            "9999999999999", "0000000000", "-1718258403", "", " ", "yesterday at six", "2024-06-13T06:00:03ZZ",
            "２０２４-06-13T06:00:03Z", "٢٠٢٤-06-13T06:00:03Z", "2024-06-13\t06:00:03Z",
            "2024-06-13T06:00:03Z\u0000",
            "now", "null", "NaN", "Infinity", "-0", "1e11",
        };
        private static final String[] RAW_NUMBERS = {
            "0", "-1", "1718258403", "1718258403512", "1718258403.512", "100000000000", "100000000001",
            "99999999999.999", "1e11", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
            "-9223372036854775809", "123456789012345678901234567890", "-123456789012345678901234567890", "1.5e300",
            "-1.5e300", "1e400", "-1e400", "1e-400", "4.9e-324", "-0.0", "0.0", "1E+308", "-1E+308", "1718258403e3",
        };
        private static final String[] ZONES = {
            "Europe/Paris", "UTC", "Z", "+25:00", "-18:00", "+18:00", "+14:00", "-00:30", "../", "../../etc/passwd",
            "Europe/../UTC", "Europe/Paris/../../x", "GMT+25", "UTC+14", "UTC-12:30", "Etc/GMT+12", "Etc/GMT-14",
            "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Kiritimati", "Pacific/Chatham",
            "America/St_Johns", "europe/paris", "EST", "SystemV/EST5", "", " ", "\u0000", "Europe/Paris\u0000",
            "UT", "GMT0", "+5", "+05:30:30", "+05:30:60", "Europe/Pari", "Mars/Olympus_Mons", "Europe/Paris ",
            "\tUTC\n", "Europe\\Paris", "Europe/Paris;rm -rf /", "%2e%2e%2f", "Europe/Paris\u202e", "ß/ẞ",
            "A".repeat(300), "+", "-", "/", ".", "..",
        };
        private static final String[] ERRORS = {
            "Empty return for method 'Logon' of service 'xtk:session'.",
            "SOP-330011 Erreur lors de l'exécution de la méthode &#39;Logon&#39;. Retour vide pour la méthode "
                    + "&#39;Logon&#39; du service &#39;xtk: session&#39;",
            "Empty return for method &amp;#39;Logon&amp;#39; of service &amp;#39;xtk:session&amp;#39;",
            "Empty return for method “Logon” of service «xtk:session»",
            "Leere Rückgabe für Methode 'Logon' des Dienstes 'xtk:session'",
            "Empty return for method 'Logon' of service 'xtk:session'. Connection refused",
            "Empty return for method 'Logon' of service 'xtk:session'. Invalid password",
            "Connection refused", "SOP-330011 Error while executing the method 'Logon' of service 'xtk:session'.",
            "&#xFFFFFFFFF; &#99999999999; &#xD800; &#0; &#x; &#; &amp;amp;amp;#39;", "&#x110000;&#x10FFFF;",
            "xtk:session Logon empty return", "XTK : SESSIONE accesso risposta vuota", "\u00a0\u2028\u2029\u200b",
        };
        private static final String[] WORKFLOWS = {
            "mcSynch_mcExec1", "mcSynch_mcExec2", "MCSYNCH_MCEXEC1", "mcSynch_", "mcSynch_" + "x".repeat(65),
            "mcSynch_mc-exec", "mcSynch_mcExec1\u0000", "mcSynch_mcÉxec", "mcSynch_mcExec1 ", "mcSynch",
            "wkfArchive", "mcSynch_*", ".*", "(a+)+$", "mcSynch_" + "a".repeat(64), "\u202emcSynch_mcExec1",
        };
        private static final String[] FIELDS = {"workflow", "failedAt", "error", "logs", "timeZone", "instance"};
        private static final String[] ENVELOPE_KEYS = {
            "Records", "requestContext", "awslogs", "eventSource", "eventSourceARN", "detail-type", "detail",
            "routeKey", "specversion", "data", "data_base64", "Type", "Message", "httpMethod", "body", "headers",
            "isBase64Encoded", "rawPath", "path", "Sns", "EventSource", "workflow",
        };
        private static final String[] ODD_TEXT = {
            "", " ", "\t\n\r ", "\u0000", "\u0000\u0001\u0002\u001f\u007f", "\uFEFF", "\uFFFD", "\uFFFF", "\uD800",
            "\uDC00", "\uD83D\uDE00", "🤖💥", "e\u0301", "\u202e\u202d", "\u2028\u2029", "ＷＯＲＫＦＬＯＷ",
            "null",
            "true", "{}", "[]", "{\"workflow\":", "\\u0000", "\\", "\"", "'; DROP TABLE x; --", "<xml/>",
            "${jndi:ldap://x}", "%s%n%d", "\r\n\r\n", "日本語テキスト", "ﷺ", "ᄀᄀᄀ", "\u0085",
        };
        private static final byte[][] BAD_UTF8 = {
            {(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            {(byte) 0xF0, (byte) 0x9F}, {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        };

        private final Corpus corpus;
        private final Random r;
        /** Raw JSON text standing in for a placeholder string (what Jackson will not write: deep nesting, 1e400…). */
        private final List<String> raw = new ArrayList<>();

        Generator(Corpus corpus, Random random) {
            this.corpus = corpus;
            this.r = random;
        }

        Generated next() {
            int roll = r.nextInt(100);
            if (roll < 26) {
                JsonNode notification = mutatedNotification();
                int depth = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(rarely(6) ? 8 : 3);
                JsonNode event = notification;
                StringBuilder kind = new StringBuilder("direct");
                for (int i = 0; i < depth; i++) {
                    String envelope = pick("sns", "sns-https", "eventbridge", "cloudevent", "cloudevent-base64",
                            "json-string");
                    kind.insert(0, envelope + "/");
                    event = wrap(envelope, event);
                }
                return generated(kind.toString(), render(event));
            }
            if (roll < 55) {
                return webhook();
            }
            if (roll < 70) {
                Corpus.Seed seed = r.nextInt(4) == 0 ? pick(corpus.badInputs) : pick(corpus.events);
                if (seed.json == null || !seed.json.isContainerNode() || seed.text.length() > 10_000) {
                    String text = seed.text.length() > 10_000 ? seed.text.substring(0, 2_000 + r.nextInt(6_000))
                            : seed.text;
                    return generated("bytes:" + name(seed), mutateBytes(text.getBytes(StandardCharsets.UTF_8)));
                }
                JsonNode event = seed.json.deepCopy();
                int mutations = 1 + r.nextInt(3);
                for (int i = 0; i < mutations; i++) {
                    event = mutateAnywhere(event, 0);
                }
                if (event.isObject() && event.has("body") && r.nextBoolean()) {
                    sign((ObjectNode) event, signedBody((ObjectNode) event));
                }
                return generated("event:" + name(seed), render(event));
            }
            if (roll < 85) {
                List<Corpus.Seed> pool = switch (r.nextInt(3)) {
                    case 0 -> corpus.events;
                    case 1 -> corpus.badInputs;
                    default -> corpus.notifications;
                };
                Corpus.Seed seed = pick(pool);
                byte[] bytes = seed.text.length() > 10_000
                        ? seed.text.substring(0, 2_000 + r.nextInt(6_000)).getBytes(StandardCharsets.UTF_8)
                        : seed.text.getBytes(StandardCharsets.UTF_8);
                return generated("bytes:" + name(seed), mutateBytes(bytes));
            }
            if (roll < 93) {
                return envelopeTorture();
            }
            return extreme();
        }

        // ----- notifications -----

        private JsonNode mutatedNotification() {
            Corpus.Seed seed = pick(corpus.notifications);
            JsonNode node = seed.json.deepCopy();
            int mutations = r.nextInt(5);
            for (int i = 0; i < mutations; i++) {
                if (node instanceof ObjectNode object) {
                    mutateNotification(object);
                } else {
                    node = mutateAnywhere(node, 0);
                }
            }
            return node;
        }

        private void mutateNotification(ObjectNode n) {
            String field = rarely(8) ? pick(ODD_TEXT) + r.nextInt(10) : pick(FIELDS);
            switch (r.nextInt(12)) {
                case 0 -> n.remove(field);
                case 1 -> n.putNull(field);
                case 2 -> n.set(field, randomValue(2));
                case 3 -> n.set(field, rawJson(pick(RAW_NUMBERS)));
                case 4 -> n.set(field, deepNesting());
                case 5 -> n.put(field, hugeString());
                case 6 -> n.put(field, pick(ODD_TEXT));
                default -> {
                    switch (field) {
                        case "workflow" -> n.put(field, rarely(3) ? randomText() : pick(WORKFLOWS));
                        case "failedAt" -> n.set(field, timestamp());
                        case "error" -> n.put(field, error());
                        case "logs" -> mutateLogs(n);
                        case "timeZone" -> n.put(field, rarely(5) ? randomText() : pick(ZONES));
                        case "instance" -> n.put(field, r.nextInt(2) == 0 ? "mcExec1" : randomText());
                        default -> n.set(field, randomValue(3));
                    }
                }
            }
        }

        private void mutateLogs(ObjectNode n) {
            JsonNode current = n.get("logs");
            ArrayNode logs = current instanceof ArrayNode array ? array : n.putArray("logs");
            int changes = 1 + r.nextInt(4);
            for (int i = 0; i < changes; i++) {
                JsonNode item = logItem();
                if (logs.isEmpty() || r.nextBoolean()) {
                    logs.insert(logs.isEmpty() ? 0 : r.nextInt(logs.size() + 1), item);
                } else if (r.nextBoolean()) {
                    logs.set(r.nextInt(logs.size()), item);
                } else {
                    logs.remove(r.nextInt(logs.size()));
                }
            }
            if (rarely(40)) {
                int lines = 200 + r.nextInt(2_000);
                for (int i = 0; i < lines; i++) {
                    logs.add(logItem());
                }
            }
        }

        private JsonNode logItem() {
            switch (r.nextInt(10)) {
                case 0, 1, 2 -> {
                    String[] columns = {timestampText(), Integer.toString(r.nextInt(99999)), "41260", "1",
                            pick("error", "info", "warning", "0", "2", "", "ERROR", randomText()), "log", error()};
                    int keep = 1 + r.nextInt(columns.length);
                    return TextNode.valueOf(String.join(pick("\t", "\t", "  ", " ", "\t\t"),
                            List.of(columns).subList(columns.length - keep, columns.length)));
                }
                case 3 -> {
                    return TextNode.valueOf(timestampText() + pick(" ", "", "\t", "   ") + error());
                }
                case 4, 5, 6 -> {
                    ObjectNode entry = NODES.objectNode();
                    if (r.nextInt(6) != 0) {
                        entry.set("logDate", rarely(3) ? randomValue(1) : timestamp());
                    }
                    if (r.nextInt(6) != 0) {
                        entry.set("logType", rarely(3) ? randomValue(1)
                                : TextNode.valueOf(pick("0", "1", "2", "3", "error", "WARN", " info ", "")));
                    }
                    if (r.nextInt(6) != 0) {
                        entry.set("message", rarely(4) ? randomValue(1) : TextNode.valueOf(error()));
                    }
                    return entry;
                }
                case 7 -> {
                    return TextNode.valueOf(pick("\t", "\t\t\t", " \t ", "", timestampText(), "\t" + timestampText()));
                }
                default -> {
                    return randomValue(2);
                }
            }
        }

        private JsonNode timestamp() {
            return switch (r.nextInt(6)) {
                case 0 -> rawJson(pick(RAW_NUMBERS));
                case 1 -> NODES.numberNode(r.nextLong() >> r.nextInt(64));
                case 2 -> NODES.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(20)) * (r.nextBoolean() ? 1 : -1));
                default -> TextNode.valueOf(timestampText());
            };
        }

        private String timestampText() {
            if (rarely(5)) {
                return String.format(Locale.ROOT, "%04d-%02d-%02d%s%02d:%02d:%02d%s", r.nextInt(10_000), r.nextInt(14),
                        r.nextInt(33), pick("T", " "), r.nextInt(26), r.nextInt(62), r.nextInt(62),
                        pick("Z", "", "+02:00", "-07", "+19:00", ".999999999Z", " UTC", "+0530"));
            }
            return pick(TIMESTAMPS);
        }

        private String error() {
            return switch (r.nextInt(8)) {
                case 0 -> randomText();
                case 1 -> "&" + "amp;".repeat(r.nextInt(200)) + "#39;Logon xtk:session empty return";
                case 2 -> pick(ERRORS) + pick(ODD_TEXT) + pick(ERRORS);
                default -> pick(ERRORS);
            };
        }

        // ----- webhooks -----

        private Generated webhook() {
            Corpus.Seed seed = pick(corpus.webhooks);
            ObjectNode event = (ObjectNode) seed.json.deepCopy();
            StringBuilder kind = new StringBuilder("webhook:" + name(seed));
            byte[] body = switch (r.nextInt(10)) {
                case 9, 8 -> mutateBytes(render(mutatedNotification()));
                case 7 -> render(wrap(pick("sns-https", "eventbridge", "cloudevent", "sns"), mutatedNotification()));
                case 6 -> render(randomValue(3));
                default -> render(mutatedNotification());
            };
            int encoding = r.nextInt(20);
            if (encoding < 12) {
                event.put("body", new String(body, StandardCharsets.UTF_8)).put("isBase64Encoded", false);
            } else if (encoding < 17) {
                event.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
                kind.append(" base64");
            } else if (encoding == 17) {
                String encoded = Base64.getEncoder().encodeToString(body);
                event.put("body", pick(encoded.replace("=", ""), encoded + "=", encoded.replace('+', '-'),
                        encoded.substring(0, Math.max(0, encoded.length() - 1)), " " + encoded, encoded + "\n",
                        Base64.getMimeEncoder().encodeToString(body), "!!!!", "===="));
                event.put("isBase64Encoded", true);
                kind.append(" bad-base64");
            } else if (encoding == 18) {
                try {
                    event.set("body", JSON.readTree(body));
                    event.put("isBase64Encoded", false);
                    kind.append(" body-object");
                } catch (IOException e) {
                    event.put("body", new String(body, StandardCharsets.UTF_8));
                }
            } else {
                event.set("body", pick(NODES.nullNode(), NODES.numberNode(42), NODES.booleanNode(true),
                        TextNode.valueOf("")));
                if (r.nextBoolean()) {
                    event.remove("body");
                }
                kind.append(" no-body");
            }
            if (rarely(10)) {
                event.put("isBase64Encoded", !event.path("isBase64Encoded").asBoolean());
                kind.append(" toggled");
            }
            if (rarely(8)) {
                mutateRequestLine(event);
                kind.append(" request-line");
            }
            int signing = r.nextInt(100);
            byte[] signedBody = signedBody(event);
            if (signing < 80) {
                sign(event, signedBody);
            } else if (signing < 85) {
                kind.append(" unsigned");
            } else {
                kind.append(" mis-signed");
                misSign(event, signedBody);
            }
            byte[] bytes = render(event);
            if (rarely(25)) {
                bytes = mutateBytes(bytes);
                kind.append(" event-bytes");
            }
            return generated(kind.toString(), bytes);
        }

        private void mutateRequestLine(ObjectNode event) {
            JsonNode method = pick(TextNode.valueOf("GET"), TextNode.valueOf("post"), TextNode.valueOf("PUT"),
                    TextNode.valueOf(""), NODES.nullNode(), NODES.numberNode(42), TextNode.valueOf(randomText()));
            JsonNode path = pick(TextNode.valueOf("/diagnose"), TextNode.valueOf("/prod/diagnose/"),
                    TextNode.valueOf("/admin"), TextNode.valueOf(""), NODES.nullNode(), TextNode.valueOf("/"),
                    TextNode.valueOf("/DIAGNOSE"), TextNode.valueOf("/diagnose/../admin"), TextNode.valueOf("//"),
                    TextNode.valueOf(randomText()), NODES.objectNode());
            if (event.has("httpMethod")) {
                if (r.nextBoolean()) {
                    event.set("httpMethod", method);
                } else {
                    event.set("path", path);
                }
            } else if (r.nextBoolean()) {
                ((ObjectNode) event.path("requestContext").path("http")).set("method", method);
            } else {
                event.set("rawPath", path);
            }
        }

        /** The body bytes the handler will verify: decoded when marked base64, else its UTF-8. */
        private static byte[] signedBody(ObjectNode event) {
            JsonNode body = event.path("body");
            String text;
            try {
                // As the handler reads it (EventShapes.recognise)
                text = body.isContainerNode() ? body.toString() : body.isNull() ? "" : body.asText("");
            } catch (RuntimeException tooDeepToWrite) {
                // The handler cannot parse an event this deep: any signature will do
                return new byte[0];
            }
            if (event.path("isBase64Encoded").asBoolean(false)) {
                try {
                    return Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException e) {
                    return text.getBytes(StandardCharsets.UTF_8);
                }
            }
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private void sign(ObjectNode event, byte[] body) {
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            signatureHeaders(event, timestamp, WebhookSignature.signatureOf(
                    SignedWebhooks.SECRET.getBytes(StandardCharsets.UTF_8), timestamp, body));
        }

        private void misSign(ObjectNode event, byte[] body) {
            long now = Instant.now().getEpochSecond();
            String good = WebhookSignature.signatureOf(SignedWebhooks.SECRET.getBytes(StandardCharsets.UTF_8),
                    Long.toString(now), body);
            switch (r.nextInt(6)) {
                case 0 -> signatureHeaders(event, Long.toString(now), WebhookSignature.signatureOf(
                        "another-secret".getBytes(StandardCharsets.UTF_8), Long.toString(now), body));
                case 1 -> signatureHeaders(event, Long.toString(now - 3_600), WebhookSignature.signatureOf(
                        SignedWebhooks.SECRET.getBytes(StandardCharsets.UTF_8), Long.toString(now - 3_600), body));
                case 2 -> signatureHeaders(event, pick("abc", "-1", "9999999999999", "", " ", "1e9", "０"), good);
                case 3 -> signatureHeaders(event, Long.toString(now), pick("sha256=zz", "", ",,,,,,,,", "sha256=",
                        good.toUpperCase(Locale.ROOT) + "0", "md5=" + good.substring(7), good.substring(0, 70)));
                case 4 -> signatureHeaders(event, Long.toString(now), "x,y,z,w," + good);
                default -> signatureHeaders(event, Long.toString(now + 86_400 * 365L * 1000), good);
            }
        }

        private void signatureHeaders(ObjectNode event, String timestamp, String signature) {
            ObjectNode headers = event.path("headers") instanceof ObjectNode h ? h : event.putObject("headers");
            boolean upper = rarely(5);
            headers.put(upper ? "X-Webhook-Timestamp" : WebhookSignature.TIMESTAMP_HEADER, timestamp);
            headers.put(upper ? "X-Webhook-Signature" : WebhookSignature.SIGNATURE_HEADER, signature);
        }

        // ----- envelopes -----

        private JsonNode wrap(String envelope, JsonNode inner) {
            switch (envelope) {
                case "sns" -> {
                    ObjectNode event = NODES.objectNode();
                    ArrayNode records = event.putArray("Records");
                    int count = rarely(5) ? 2 + r.nextInt(3) : 1;
                    for (int i = 0; i < count; i++) {
                        ObjectNode record = records.addObject().put("EventSource", rarely(20) ? "aws:sqs" : "aws:sns");
                        JsonNode message = i == 0 ? inner : mutatedNotification();
                        record.putObject("Sns").put("Type", "Notification")
                                .set("Message", rarely(10) ? message : TextNode.valueOf(text(message)));
                    }
                    if (rarely(15)) {
                        records.add(randomValue(1));
                    }
                    return event;
                }
                case "sns-https" -> {
                    return NODES.objectNode().put("Type", "Notification").put("Message", text(inner));
                }
                case "eventbridge" -> {
                    ObjectNode event = NODES.objectNode().put("version", "0")
                            .put("detail-type", rarely(15) ? "Scheduled Event" : "Campaign Workflow Failed")
                            .put("source", "campaign.alerts");
                    return event.set("detail", rarely(3) ? TextNode.valueOf(text(inner)) : inner);
                }
                case "cloudevent" -> {
                    ObjectNode event = NODES.objectNode().put("specversion", "1.0").put("type", "x").put("id", "1");
                    return event.set("data", rarely(3) ? TextNode.valueOf(text(inner)) : inner);
                }
                case "cloudevent-base64" -> {
                    String encoded = Base64.getEncoder().encodeToString(render(inner));
                    if (rarely(6)) {
                        encoded = pick(encoded.replace("=", ""), encoded + "==", encoded.replace('/', '_'),
                                encoded.substring(0, encoded.length() / 2), "%%%%");
                    }
                    return NODES.objectNode().put("specversion", "1.0").put("data_base64", encoded);
                }
                default -> {
                    return TextNode.valueOf(text(inner));
                }
            }
        }

        private Generated envelopeTorture() {
            JsonNode inner = rarely(4) ? randomValue(2) : mutatedNotification();
            int depth = 3 + r.nextInt(8);
            StringBuilder kind = new StringBuilder("envelopes");
            JsonNode event = inner;
            for (int i = 0; i < depth; i++) {
                String envelope = pick("sns", "sns-https", "eventbridge", "cloudevent", "cloudevent-base64",
                        "json-string");
                kind.append('/').append(envelope);
                event = wrap(envelope, event);
            }
            if (event.isObject() && r.nextBoolean()) {
                ObjectNode object = (ObjectNode) event;
                String key = pick("data", "detail", "Message", "data_base64", "Records", "specversion",
                        "detail-type", "Type");
                object.set(key, pick(TextNode.valueOf("not json"), TextNode.valueOf(""), TextNode.valueOf("   "),
                        NODES.numberNode(1), NODES.arrayNode(), NODES.nullNode(), TextNode.valueOf("bm90IGpzb24="),
                        TextNode.valueOf("e30"), TextNode.valueOf("[1,2]"), TextNode.valueOf("\"{}\""),
                        randomValue(2)));
                kind.append(" garbage ").append(key);
            }
            return generated(kind.toString(), render(event));
        }

        // ----- extremes -----

        private Generated extreme() {
            switch (r.nextInt(7)) {
                case 0 -> {
                    int depth = pickInt(999, 1000, 1001, 2000, 5000, 998);
                    String nested = "[".repeat(depth) + "]".repeat(depth);
                    String event = pick(nested, "{\"workflow\":" + nested + "}",
                            "{\"workflow\":\"mcSynch_mcExec1\",\"error\":\"x\",\"logs\":" + nested + "}",
                            "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
                    if (r.nextBoolean()) {
                        return generated("deep " + depth, event.getBytes(StandardCharsets.UTF_8));
                    }
                    ObjectNode webhook = (ObjectNode) pick(corpus.webhooks).json.deepCopy();
                    webhook.put("body", event).put("isBase64Encoded", false);
                    sign(webhook, event.getBytes(StandardCharsets.UTF_8));
                    return generated("webhook deep " + depth, render(webhook));
                }
                case 1 -> {
                    byte[] bytes = new byte[r.nextInt(2_000)];
                    r.nextBytes(bytes);
                    return generated("random bytes", bytes);
                }
                case 2 -> {
                    return generated("random json", render(randomValue(5)));
                }
                case 3 -> {
                    ObjectNode webhook = (ObjectNode) pick(corpus.webhooks).json.deepCopy();
                    String body = "{\"workflow\":\"mcSynch_mcExec1\",\"error\":\""
                            + "x".repeat(1_048_576 - 40 + r.nextInt(80)) + "\"}";
                    boolean base64 = r.nextBoolean();
                    byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
                    webhook.put("body", base64 ? Base64.getEncoder().encodeToString(utf8) : body)
                            .put("isBase64Encoded", base64);
                    sign(webhook, utf8);
                    return generated("webhook near the size limit", render(webhook));
                }
                case 4 -> {
                    ObjectNode n = (ObjectNode) pick(corpus.notifications).json.deepCopy();
                    n.put(pick(FIELDS), pick("x", "é", "&amp;", " ", "\t").repeat(20_000 + r.nextInt(20_000)));
                    return generated("huge field", render(n));
                }
                case 5 -> {
                    String key = pick(FIELDS);
                    String text = text(mutatedNotification());
                    String duplicated = text.startsWith("{") ? "{\"" + key + "\":" + text(randomValue(1)) + ","
                            + text.substring(1) : text;
                    if (duplicated.endsWith("}") && r.nextBoolean()) {
                        duplicated = duplicated.substring(0, duplicated.length() - 1) + ",\"" + key + "\":"
                                + text(randomValue(1)) + "}";
                    }
                    return generated("duplicate " + key, duplicated.getBytes(StandardCharsets.UTF_8));
                }
                default -> {
                    String text = text(mutatedNotification());
                    return generated("non-json around", pick("\uFEFF" + text, text + text, text + "\u0000",
                            "\u0000" + text, "  \n\t" + text + "\n\n", "\"" + text.replace("\"", "\\\"") + "\"",
                            "[" + text + "]", "[" + text + "," + text + "]").getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        // ----- generic JSON -----

        private JsonNode mutateAnywhere(JsonNode node, int depth) {
            if (node instanceof ObjectNode object && object.size() > 0 && depth < 6 && r.nextInt(3) != 0) {
                List<String> names = new ArrayList<>();
                object.fieldNames().forEachRemaining(names::add);
                String name = pick(names);
                switch (r.nextInt(6)) {
                    case 0 -> object.remove(name);
                    case 1 -> object.set(name, randomValue(2));
                    case 2 -> object.set(pick(ENVELOPE_KEYS), randomValue(2));
                    default -> object.set(name, mutateAnywhere(object.get(name), depth + 1));
                }
                return object;
            }
            if (node instanceof ArrayNode array && array.size() > 0 && depth < 6 && r.nextInt(3) != 0) {
                int i = r.nextInt(array.size());
                switch (r.nextInt(4)) {
                    case 0 -> array.remove(i);
                    case 1 -> array.add(randomValue(2));
                    default -> array.set(i, mutateAnywhere(array.get(i), depth + 1));
                }
                return array;
            }
            if (node.isTextual() && r.nextBoolean()) {
                String text = node.asText();
                if ((text.startsWith("{") || text.startsWith("[")) && r.nextBoolean()) {
                    try {
                        // An embedded JSON document (an SNS Message, a webhook body): mutate its structure.
                        return TextNode.valueOf(text(mutateAnywhere(JSON.readTree(text), depth + 1)));
                    } catch (IOException e) {
                        // not JSON after all: mutate its bytes below
                    }
                }
                return TextNode.valueOf(new String(mutateBytes(text.getBytes(StandardCharsets.UTF_8)),
                        StandardCharsets.UTF_8));
            }
            return randomValue(2);
        }

        private JsonNode randomValue(int depth) {
            int roll = r.nextInt(depth <= 0 ? 9 : 13);
            return switch (roll) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.booleanNode(r.nextBoolean());
                case 2 -> NODES.numberNode(r.nextInt());
                case 3 -> rawJson(pick(RAW_NUMBERS));
                case 4 -> TextNode.valueOf(randomText());
                case 5 -> TextNode.valueOf(pick(ODD_TEXT));
                case 6 -> timestamp();
                case 7 -> TextNode.valueOf(pick(ZONES));
                case 8 -> rarely(40) ? TextNode.valueOf(hugeString()) : TextNode.valueOf(pick(WORKFLOWS));
                case 9, 10 -> {
                    ObjectNode object = NODES.objectNode();
                    int size = r.nextInt(5);
                    for (int i = 0; i < size; i++) {
                        object.set(rarely(3) ? randomText() : pick(r.nextBoolean() ? FIELDS : ENVELOPE_KEYS),
                                randomValue(depth - 1));
                    }
                    yield object;
                }
                case 11 -> {
                    ArrayNode array = NODES.arrayNode();
                    int size = r.nextInt(5);
                    for (int i = 0; i < size; i++) {
                        array.add(randomValue(depth - 1));
                    }
                    yield array;
                }
                default -> rarely(4) ? deepNesting() : mutatedNotificationOrNull();
            };
        }

        private JsonNode mutatedNotificationOrNull() {
            return corpus.notifications.isEmpty() ? NODES.nullNode() : pick(corpus.notifications).json.deepCopy();
        }

        private JsonNode deepNesting() {
            int depth = pickInt(10, 100, 500, 999, 1000, 1001, 2000);
            String open = pick("[", "{\"a\":", "[{\"workflow\":");
            String close = open.equals("[") ? "]" : open.equals("{\"a\":") ? "}" : "}]";
            return rawJson(open.repeat(depth) + "0" + close.repeat(depth));
        }

        private String hugeString() {
            int length = pickInt(1_000, 1_000, 10_000, 65_536);
            String unit = pick("x", "é", "🤖", "\u0000", "&amp;", " ", "\t", "2024-06-13T06:00:03Z\t");
            return unit.repeat(Math.max(1, length / unit.length()));
        }

        private String randomText() {
            int length = r.nextInt(rarely(4) ? 200 : 20);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(switch (r.nextInt(6)) {
                    case 0 -> r.nextInt(0x20);
                    case 1 -> 0x80 + r.nextInt(0x780);
                    case 2 -> 0x1000 + r.nextInt(0xD000 - 0x1000);
                    case 3 -> 0x10000 + r.nextInt(0x10FFFF - 0x10000);
                    default -> 0x20 + r.nextInt(0x5F);
                });
            }
            return text.toString();
        }

        private JsonNode rawJson(String text) {
            raw.add(text);
            return TextNode.valueOf(placeholder(raw.size() - 1));
        }

        private static String placeholder(int index) {
            return "@@raw" + index + "@@";
        }

        /** The node as JSON text, placeholders replaced by their raw JSON. */
        private String text(JsonNode node) {
            String text;
            try {
                text = DEEP_WRITER.writeValueAsString(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!text.contains("@@raw")) {
                return text;
            }
            for (int i = raw.size() - 1; i >= 0; i--) {
                text = text.replace("\"" + placeholder(i) + "\"", raw.get(i));
            }
            return text;
        }

        private byte[] render(JsonNode node) {
            return text(node).getBytes(StandardCharsets.UTF_8);
        }

        // ----- bytes -----

        private byte[] mutateBytes(byte[] input) {
            byte[] bytes = input;
            int mutations = 1 + r.nextInt(3);
            for (int m = 0; m < mutations; m++) {
                int at = bytes.length == 0 ? 0 : r.nextInt(bytes.length + 1);
                bytes = switch (r.nextInt(10)) {
                    case 0 -> java.util.Arrays.copyOf(bytes, at);
                    case 1 -> {
                        byte[] flipped = bytes.clone();
                        for (int i = 0; i < 1 + r.nextInt(8) && flipped.length > 0; i++) {
                            flipped[r.nextInt(flipped.length)] ^= (byte) (1 << r.nextInt(8));
                        }
                        yield flipped;
                    }
                    case 2 -> {
                        byte[] random = new byte[1 + r.nextInt(16)];
                        r.nextBytes(random);
                        yield insert(bytes, at, random);
                    }
                    case 3 -> insert(bytes, at, BAD_UTF8[r.nextInt(BAD_UTF8.length)]);
                    case 4 -> insert(bytes, 0, pick(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                            new byte[] {(byte) 0xFE, (byte) 0xFF}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                            new byte[] {0}));
                    case 5 -> insert(bytes, at, new byte[1 + r.nextInt(4)]);
                    case 6 -> {
                        int end = at + r.nextInt(Math.max(1, bytes.length - at + 1));
                        byte[] cut = new byte[bytes.length - (end - at)];
                        System.arraycopy(bytes, 0, cut, 0, at);
                        System.arraycopy(bytes, end, cut, at, bytes.length - end);
                        yield cut;
                    }
                    case 7 -> insert(bytes, at, pick("{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\uD800", "null",
                            "{\"workflow\":", "\n").getBytes(StandardCharsets.UTF_8));
                    case 8 -> {
                        int end = Math.min(bytes.length, at + r.nextInt(64));
                        yield insert(bytes, end, java.util.Arrays.copyOfRange(bytes, at, end));
                    }
                    default -> r.nextInt(10) == 0 ? new byte[0] : insert(bytes, bytes.length,
                            pick("}", "]]]", " {}", "\u0000", "garbage").getBytes(StandardCharsets.UTF_8));
                };
            }
            return bytes;
        }

        private static byte[] insert(byte[] bytes, int at, byte[] extra) {
            byte[] out = new byte[bytes.length + extra.length];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(extra, 0, out, at, extra.length);
            System.arraycopy(bytes, at, out, at + extra.length, bytes.length - at);
            return out;
        }

        // ----- helpers -----

        private Generated generated(String kind, byte[] bytes) {
            return new Generated(kind, bytes);
        }

        private static String name(Corpus.Seed seed) {
            return Path.of(seed.name).getFileName().toString();
        }

        /**
         * True one time in {@code n}: the unusual way (an odd field, a toggled flag…). False, the plain way, is
         * where QuickTheories shrinks it to.
         */
        private boolean rarely(int n) {
            return r.nextInt(n) == n - 1;
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[r.nextInt(options.length)];
        }

        private int pickInt(int... options) {
            return options[r.nextInt(options.length)];
        }

        private <T> T pick(List<T> options) {
            return options.get(r.nextInt(options.size()));
        }
    }
}
