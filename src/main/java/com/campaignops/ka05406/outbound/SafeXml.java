package com.campaignops.ka05406.outbound;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;

/**
 * StAX for answers from other servers. No DTDs, no external entities: such a body must not reach files or URLs.
 * Text is coalesced, so adjacent text and CDATA come as one event.
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private SafeXml() {
    }

    public static XMLStreamReader reader(String body) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(new StringReader(body));
    }
}
