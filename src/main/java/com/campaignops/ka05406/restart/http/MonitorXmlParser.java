package com.campaignops.ka05406.restart.http;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.outbound.CallFailure;
import com.campaignops.ka05406.outbound.SafeXml;
import com.campaignops.ka05406.time.CampaignTimestamps;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the web process start dates from Campaign's monitoring XML ({@code /nl/jsp/monitor.jsp}).
 * Its element and attribute names are not published, so they come from configuration; the defaults
 * expect {@code <process name="web@default" startDate="2024-05-14 06:00:41.000Z"/>}.
 */
final class MonitorXmlParser {

    /** The start dates of the web processes, which answer the Logon, as {@code monitor} names them. */
    static List<Instant> parse(String body, RestartCheckConfig.Monitor monitor) {
        if (body == null || body.isBlank()) {
            throw new CallFailure.Permanent("the body is empty");
        }
        List<Instant> starts = new ArrayList<>();
        try {
            XMLStreamReader xml = SafeXml.reader(body);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamReader.START_ELEMENT
                            && xml.getLocalName().equals(monitor.processElement())) {
                        String name = xml.getAttributeValue(null, monitor.nameAttribute());
                        String start = xml.getAttributeValue(null, monitor.startAttribute());
                        if (name != null && name.startsWith(monitor.namePrefix()) && start != null) {
                            starts.add(CampaignTimestamps.parse(start));
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new CallFailure.Permanent("the body is not well-formed XML");
        } catch (DateTimeException e) {
            throw new CallFailure.Permanent("a " + monitor.namePrefix() + " process has an unreadable "
                    + monitor.startAttribute() + ": " + e.getMessage());
        }
        if (starts.isEmpty()) {
            throw new CallFailure.Permanent("no <" + monitor.processElement() + "> named " + monitor.namePrefix()
                    + "* with a " + monitor.startAttribute() + " attribute");
        }
        return starts;
    }
}
