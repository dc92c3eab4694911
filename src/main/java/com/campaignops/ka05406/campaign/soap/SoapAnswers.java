package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.campaign.ServerFacts;
import com.campaignops.ka05406.outbound.CallFailure;
import com.campaignops.ka05406.outbound.SafeXml;
import com.campaignops.ka05406.time.CampaignTimestamps;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Campaign's SOAP answers with StAX: no DTD, no external entities, and the body's size was
 * capped before it got here. Every answer is read to its end, so a truncated envelope is refused
 * rather than half used. A {@code Fault} becomes a {@link SoapFault}; anything that is not a SOAP
 * envelope (an HTML login page, a proxy's error page, broken XML) a {@link CallFailure.Permanent}.
 */
final class SoapAnswers {

    private static final String DTD = "a document type declaration (<!DOCTYPE>), which SOAP forbids, in the answer";
    private static final String HTML = "an HTML page (a login or error page?) instead of a SOAP envelope";

    /** What a Logon returns; the tokens are secrets and never leave the adapter. */
    record Logon(String sessionToken, String securityToken, ServerFacts facts) {
        @Override
        public String toString() {
            return "Logon[tokens redacted, " + facts + "]";
        }
    }

    private SoapAnswers() {
    }

    static Logon logon(String body) {
        Map<String, String> texts = new HashMap<>();
        Map<String, String> serverInfo = new HashMap<>();
        Map<String, String> userInfo = new HashMap<>();
        List<String> packages = new ArrayList<>();
        read(body, "LogonResponse", (xml, depth) -> {
            String name = xml.getLocalName();
            switch (name) {
                case "pstrSessionToken", "pstrSecurityToken" -> texts.put(name, xml.getElementText().strip());
                case "serverInfo" -> serverInfo.putAll(attributes(xml));
                case "userInfo" -> userInfo.putAll(attributes(xml));
                case "installed-package" -> {
                    Map<String, String> a = attributes(xml);
                    if (a.containsKey("name")) {
                        packages.add(a.getOrDefault("namespace", "") + ":" + a.get("name"));
                    }
                }
            }
        });
        String session = texts.get("pstrSessionToken");
        if (session == null || session.isEmpty()) {
            throw new CallFailure.Permanent("the Logon answer carries no session token");
        }
        return new Logon(session, texts.getOrDefault("pstrSecurityToken", ""),
                new ServerFacts(instantOrNull(serverInfo.get("serverDate")), zoneOrNull(userInfo.get("timezone")),
                        serverInfo.get("instanceName"), packages));
    }

    /** Checks that the answer is the expected response and no fault. */
    static void acknowledge(String body, String responseElement) {
        read(body, responseElement, (xml, depth) -> { });
    }

    /**
     * The rows of an ExecuteQuery answer: the attributes of each {@code rowElement} directly inside
     * {@code pdomOutput/<schema>-collection}.
     */
    static List<Map<String, String>> rows(String body, String rowElement) {
        List<Map<String, String>> rows = new ArrayList<>();
        String collection = rowElement + "-collection";
        int[] depthInCollection = {-1};
        read(body, "ExecuteQueryResponse", (xml, depth) -> {
            if (depth <= depthInCollection[0]) {
                depthInCollection[0] = -1; // left the collection; a later one is read too
            }
            if (depthInCollection[0] < 0 && xml.getLocalName().equals(collection)) {
                depthInCollection[0] = depth;
            } else if (depthInCollection[0] >= 0 && depth == depthInCollection[0] + 1
                    && xml.getLocalName().equals(rowElement)) {
                rows.add(attributes(xml));
            }
        });
        return rows;
    }

    private interface ElementVisitor {
        void start(XMLStreamReader xml, int depth) throws XMLStreamException;
    }

    /**
     * Walks the envelope: the root must be a SOAP Envelope, the Body's first element the expected response
     * or a Fault. Elements inside the response go to the visitor with their depth below the response.
     */
    private static void read(String body, String responseElement, ElementVisitor visitor) {
        if (body == null || body.isBlank()) {
            throw new CallFailure.Permanent("the answer is empty");
        }
        String start = body.stripLeading();
        String head = start.substring(0, Math.min(start.length(), 200)).toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.contains("<html")) {
            throw new CallFailure.Permanent(HTML);
        }
        int responseDepth = -1;
        try {
            XMLStreamReader xml = SafeXml.reader(body);
            try {
                int depth = 0;
                int bodyDepth = -1;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamReader.DTD) {
                        // Never expanded nor fetched (SafeXml); said as what it is, not as a malformed answer.
                        throw new CallFailure.Permanent(DTD);
                    }
                    if (event == XMLStreamReader.START_ELEMENT) {
                        depth++;
                        String name = xml.getLocalName();
                        if (depth == 1 && !(name.equals("Envelope") && Envelopes.SOAP_ENV.equals(xml.getNamespaceURI()))) {
                            throw new CallFailure.Permanent(name.equalsIgnoreCase("html") ? HTML
                                    : "not a SOAP envelope (root element <" + clip(name) + ">)");
                        }
                        if (depth == 2 && name.equals("Body")) {
                            bodyDepth = depth;
                        } else if (bodyDepth > 0 && depth == bodyDepth + 1 && responseDepth < 0) {
                            if (name.equals("Fault")) {
                                throw fault(xml);
                            }
                            if (!name.equals(responseElement)) {
                                throw new CallFailure.Permanent("unexpected answer <" + clip(name) + "> instead of <"
                                        + responseElement + ">");
                            }
                            responseDepth = depth;
                        } else if (responseDepth > 0) {
                            visitor.start(xml, depth - responseDepth);
                            if (xml.getEventType() == XMLStreamReader.END_ELEMENT) {
                                depth--; // getElementText() consumed the element up to its end tag.
                            }
                        }
                    } else if (event == XMLStreamReader.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new CallFailure.Permanent(head.contains("<!doctype") ? DTD : "a truncated or malformed SOAP envelope");
        }
        if (responseDepth < 0) {
            throw new CallFailure.Permanent("the SOAP envelope holds no <" + responseElement + ">");
        }
    }

    private static SoapFault fault(XMLStreamReader xml) throws XMLStreamException {
        String faultString = "";
        String detail = "";
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth == 1 && name.equals("faultstring")) {
                    faultString = xml.getElementText();
                } else if (depth == 1 && name.equals("detail")) {
                    detail = textOf(xml);
                } else {
                    depth++;
                }
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
        return new SoapFault(faultString, detail);
    }

    /** The text of an element that may hold elements of its own (a fault's detail). */
    private static String textOf(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) {
                if (text.length() < 2000) {
                    text.append(xml.getText());
                }
            } else if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
        return text.toString();
    }

    private static Map<String, String> attributes(XMLStreamReader xml) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            attributes.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i));
        }
        return attributes;
    }

    static Instant instantOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CampaignTimestamps.parse(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ZoneId zoneOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
