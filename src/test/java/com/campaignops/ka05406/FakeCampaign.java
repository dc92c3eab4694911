package com.campaignops.ka05406;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** A control instance's SOAP router in WireMock, answering the fixtures in src/test/resources/campaign. */
public final class FakeCampaign {

    public static final String ROUTER = "/acme/nl/jsp/soaprouter.jsp";
    public static final String LOGON = "xtk:session#Logon";
    public static final String LOGOFF = "xtk:session#Logoff";
    public static final String QUERY = "xtk:queryDef#ExecuteQuery";

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
        return call(QUERY).withRequestBody(containing("schema=\"xtk:workflow\""));
    }

    public static MappingBuilder journalQuery(long workflowId, int startLine) {
        return call(QUERY).withRequestBody(containing("schema=\"xtk:workflowLog\""))
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
}
