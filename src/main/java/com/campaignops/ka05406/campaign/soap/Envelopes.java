package com.campaignops.ka05406.campaign.soap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * The SOAP requests, written with an {@link XMLStreamWriter} so every value (login, password, query
 * expression) is escaped by the writer, never concatenated into the markup. Shapes from Adobe's
 * "Web service calls" page and SDK: an empty {@code sessiontoken} always comes first.
 */
final class Envelopes {

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SESSION = "urn:xtk:session";
    static final String QUERY_DEF = "urn:xtk:queryDef";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Envelopes() {
    }

    static String logon(String login, String password) {
        return envelope(SESSION, "Logon", xml -> {
            text(xml, "strLogin", login);
            text(xml, "strPassword", password);
            xml.writeEmptyElement("urn", "elemParameters", SESSION);
        });
    }

    static String logoff() {
        return envelope(SESSION, "Logoff", xml -> { });
    }

    static String executeQuery(QueryDef query) {
        return envelope(QUERY_DEF, "ExecuteQuery", xml -> {
            xml.writeStartElement("urn", "entity", QUERY_DEF);
            query.write(xml);
            xml.writeEndElement();
        });
    }

    /** A select on one schema; expressions are written as attribute values, so the writer escapes them. */
    record QueryDef(String schema, List<String> select, List<String> conditions, String conditionOperator,
                    List<String> orderByDescending, int lineCount, Integer startLine) {

        void write(XMLStreamWriter xml) throws XMLStreamException {
            xml.writeStartElement("queryDef");
            xml.writeDefaultNamespace("");
            xml.writeAttribute("schema", schema);
            xml.writeAttribute("operation", "select");
            xml.writeAttribute("lineCount", Integer.toString(lineCount));
            if (startLine != null) {
                xml.writeAttribute("startLine", startLine.toString());
            }
            exprs(xml, "select", "node", select, null, null);
            if (!conditions.isEmpty()) {
                exprs(xml, "where", "condition", conditions, "boolOperator", conditionOperator);
            }
            if (!orderByDescending.isEmpty()) {
                exprs(xml, "orderBy", "node", orderByDescending, "sortDesc", "true");
            }
            xml.writeEndElement();
        }

        /** {@code <list><item expr="…" attribute="value"/>…</list>}, the attribute only with a value. */
        private static void exprs(XMLStreamWriter xml, String list, String item, List<String> exprs, String attribute,
                                  String value) throws XMLStreamException {
            xml.writeStartElement(list);
            for (String expr : exprs) {
                xml.writeEmptyElement(item);
                xml.writeAttribute("expr", expr);
                if (value != null) {
                    xml.writeAttribute(attribute, value);
                }
            }
            xml.writeEndElement();
        }
    }

    /** A string literal of Campaign's expression language: single quotes, with backslash escapes. */
    static String literal(String value) {
        // Backslashes first, so the ones escaping quotes are not escaped again.
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String envelope(String namespace, String method, Body body) {
        StringWriter out = new StringWriter(512);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartElement("soapenv", "Envelope", SOAP_ENV);
            xml.writeNamespace("soapenv", SOAP_ENV);
            xml.writeNamespace("urn", namespace);
            xml.writeEmptyElement("soapenv", "Header", SOAP_ENV);
            xml.writeStartElement("soapenv", "Body", SOAP_ENV);
            xml.writeStartElement("urn", method, namespace);
            // Always first, even empty: Campaign reads the first parameter as the authentication mode.
            xml.writeEmptyElement("urn", "sessiontoken", namespace);
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("SOAP envelope not writable", e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement("urn", name, SESSION);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
