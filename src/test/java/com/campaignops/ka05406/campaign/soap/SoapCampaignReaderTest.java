package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.campaign.CampaignJournal;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.campaignops.ka05406.campaign.CampaignUnavailableException;
import com.campaignops.ka05406.campaign.CampaignWorkflow;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import static com.campaignops.ka05406.FakeCampaign.LOGOFF;
import static com.campaignops.ka05406.FakeCampaign.LOGON;
import static com.campaignops.ka05406.FakeCampaign.QUERY;
import static com.campaignops.ka05406.FakeCampaign.call;
import static com.campaignops.ka05406.FakeCampaign.fixture;
import static com.campaignops.ka05406.FakeCampaign.healthy;
import static com.campaignops.ka05406.FakeCampaign.journalQuery;
import static com.campaignops.ka05406.FakeCampaign.requested;
import static com.campaignops.ka05406.FakeCampaign.soap;
import static com.campaignops.ka05406.FakeCampaign.workflowQuery;
import static com.campaignops.ka05406.FakeCampaign.xml;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SOAP adapter against a fake control instance: which requests it sends, how many, and what each
 * failure of Campaign becomes. Request counts are the point: one Logon, one Logoff, no retried Logon.
 */
@QuarkusTest
@TestProfile(CampaignProfile.class)
@ConnectWireMock
class SoapCampaignReaderTest {

    WireMock wiremock;

    @Inject
    SoapCampaignReader campaign;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final ExtHandler logCapture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            logLines.add(record.getLevel() + " " + record.getFormattedMessage());
        }
    };

    @BeforeEach
    void reset() {
        wiremock.resetRequests();
        wiremock.removeMappings();
        breakers.resetAll();
        CampaignResets.forgetAuthenticationFailure(campaign);
        Logger.getLogger("com.campaignops").addHandler(logCapture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("com.campaignops").removeHandler(logCapture);
    }

    @Test
    void oneSession_logsOnOnce_readsWorkflowsAndEveryJournalPage_andLogsOffOnce() {
        healthy(wiremock);

        List<CampaignWorkflow> workflows;
        CampaignJournal journal;
        try (CampaignSession session = campaign.open()) {
            assertThat(session.facts().operatorZone()).hasToString("Europe/Paris");
            assertThat(session.facts().serverDate()).isEqualTo(Instant.parse("2024-06-14T07:15:00.114Z"));
            assertThat(session.facts().isControlInstance()).isTrue();
            workflows = session.workflows(List.of("mcSynch_*"));
            journal = session.journal(4120, 7);
        }

        assertThat(workflows).extracting(CampaignWorkflow::internalName).containsExactly("mcSynch_mcExec1", "mcSynch_mcExec2");
        CampaignWorkflow failed = workflows.get(0);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.state()).isEqualTo(13);
        assertThat(failed.lastStart()).isEqualTo(Instant.parse("2024-06-14T04:00:01.044Z"));
        assertThat(journal.lines()).hasSize(335);
        assertThat(journal.capped()).isFalse();
        assertThat(journal.lines().get(0).logDate()).isEqualTo(Instant.parse("2024-06-07T08:00:01.044Z"));
        assertThat(journal.lines().get(334).message()).isEqualTo("SCR-160012 Javascript: error while evaluating script 'mcSynch_mcExec1/jsReplicateUrl'.");
        assertThat(journal.lines().get(334).logType()).isZero();

        wiremock.verifyThat(1, requested(LOGON));
        wiremock.verifyThat(1, requested(LOGOFF));
        wiremock.verifyThat(1, requested(QUERY).withRequestBody(containing("schema=\"xtk:workflow\"")));
        wiremock.verifyThat(1, requested(QUERY).withRequestBody(containing("startLine=\"0\""))
                .withRequestBody(containing("lineCount=\"200\"")).withRequestBody(containing("[@workflow-id] = 4120")));
        wiremock.verifyThat(1, requested(QUERY).withRequestBody(containing("startLine=\"200\"")));
    }

    @Test
    void everyCall_isASoapPostWithItsActionAndTheSessionsCookieAndSecurityToken_andThePasswordIsEscaped() {
        healthy(wiremock);

        try (CampaignSession session = campaign.open()) {
            session.workflows(List.of("mcSynch_*", "o'brien*"));
        }

        LoggedRequest logon = wiremock.find(requested(LOGON)).get(0);
        assertThat(logon.getHeader("Content-Type")).startsWith("text/xml").containsIgnoringCase("charset=utf-8");
        assertThat(logon.getBodyAsString())
                .contains("<urn:sessiontoken/>")
                .contains("<urn:strLogin>sweep</urn:strLogin>")
                .contains("p&amp;ss&lt;w0rd&gt;'\"-never-logged")
                .doesNotContain(CampaignProfile.PASSWORD);
        assertThat(logon.containsHeader("Cookie")).isFalse();
        LoggedRequest query = wiremock.find(requested(QUERY)).get(0);
        assertThat(query.getHeader("Cookie")).isEqualTo("__sessiontoken=___fake-session-8f2c1e");
        assertThat(query.getHeader("X-Security-Token")).isEqualTo("@fake-security-3d9a==");
        assertThat(query.getBodyAsString())
                .contains("<urn:sessiontoken/>")
                .contains("expr=\"@internalName LIKE 'mcSynch_%'\"")
                .contains("expr=\"@internalName LIKE 'o\\'brien%'\"")
                .contains("boolOperator=\"OR\"");
        LoggedRequest logoff = wiremock.find(requested(LOGOFF)).get(0);
        assertThat(logoff.getHeader("Cookie")).isEqualTo("__sessiontoken=___fake-session-8f2c1e");
        assertThat(logLines).noneMatch(line -> line.contains("never-logged") || line.contains("fake-session")
                || line.contains("fake-security"));
    }

    @ParameterizedTest(name = "{0} with HTTP {1}")
    @CsvSource({"fault-wrong-password.xml, 500, XSV-350012", "fault-ip-outside-zone.xml, 403, XSV-350013",
            "fault-wrong-password.xml, 200, XSV-350012"})
    void refusedLogon_isNeverRetried_andNoLogonIsTriedAgainBeforeTheBreakerDelay(String fault, int status, String code) {
        wiremock.register(call(LOGON).willReturn(soap(status, fixture(fault))));
        wiremock.register(call(LOGOFF).willReturn(xml("logoff-response.xml")));

        assertThatThrownBy(() -> campaign.open()).isInstanceOfSatisfying(CampaignUnavailableException.class, e -> {
            assertThat(e.getMessage()).contains("Logon refused, not retried").contains(code);
        });
        assertThatThrownBy(() -> campaign.open()).isInstanceOfSatisfying(CampaignUnavailableException.class, e -> {
            assertThat(e.getMessage()).startsWith("skipped: Campaign refused the last Logon").contains(code);
        });

        wiremock.verifyThat(1, requested(LOGON));
        wiremock.verifyThat(0, requested(LOGOFF));
        wiremock.verifyThat(0, requested(QUERY));
    }

    @Test
    void logonAnsweredByAnHtmlLoginPage_isUnavailableWithThatReason_andNotRetried() {
        wiremock.register(call(LOGON).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(fixture("login-page.html"))));

        assertThatThrownBy(() -> campaign.open()).isInstanceOfSatisfying(CampaignUnavailableException.class,
                e -> assertThat(e.getMessage()).contains("HTML page"));
        wiremock.verifyThat(1, requested(LOGON));
    }

    @Test
    void logonTimingOut_isNotRetried() {
        wiremock.register(call(LOGON).willReturn(xml("logon-response.xml").withFixedDelay(4_500)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> campaign.open()).isInstanceOfSatisfying(CampaignUnavailableException.class,
                e -> assertThat(e.getMessage()).contains("timeout"));
        // Cut by Campaign's read timeout (3 s here), once: below two attempts (6 s) and the answer's 4.5 s.
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_400);
        wiremock.verifyThat(1, requested(LOGON));
    }

    @Test
    void expiredSession_getsExactlyOneNewLogon_andTheReadIsRepeatedOnce() {
        healthy(wiremock);
        wiremock.register(workflowQuery().inScenario("expiry").whenScenarioStateIs(STARTED)
                .willReturn(soap(500, fixture("fault-session-expired.xml"))).willSetStateTo("renewed"));
        wiremock.register(workflowQuery().inScenario("expiry").whenScenarioStateIs("renewed")
                .willReturn(xml("workflows.xml")));

        List<CampaignWorkflow> workflows;
        try (CampaignSession session = campaign.open()) {
            workflows = session.workflows(List.of("mcSynch_*"));
        }

        assertThat(workflows).hasSize(2);
        wiremock.verifyThat(2, requested(LOGON));
        wiremock.verifyThat(2, requested(QUERY));
        wiremock.verifyThat(1, requested(LOGOFF));
    }

    @Test
    void sessionExpiringAgainAfterTheNewLogon_isUnavailable_withoutAThirdLogon() {
        healthy(wiremock);
        wiremock.register(call(QUERY).willReturn(soap(500, fixture("fault-session-expired.xml"))));

        try (CampaignSession session = campaign.open()) {
            assertThatThrownBy(() -> session.workflows(List.of("mcSynch_*")))
                    .isInstanceOfSatisfying(CampaignUnavailableException.class,
                            e -> assertThat(e.getMessage()).contains("XSV-350008"));
            assertThatThrownBy(() -> session.journal(4120, 7))
                    .isInstanceOf(CampaignUnavailableException.class);
        }

        wiremock.verifyThat(2, requested(LOGON));
        wiremock.verifyThat(3, requested(QUERY));
        wiremock.verifyThat(1, requested(LOGOFF));
    }

    @Test
    void faultOnARead_isATypedReason_notRetried_andTheSessionStillLogsOff() {
        healthy(wiremock);
        wiremock.register(journalQuery(4120, 0).willReturn(soap(500, fixture("fault-no-read-right.xml"))));

        try (CampaignSession session = campaign.open()) {
            assertThatThrownBy(() -> session.journal(4120, 7))
                    .isInstanceOfSatisfying(CampaignUnavailableException.class, e -> {
                        assertThat(e.getMessage()).contains("XSV-350006").contains("SOP-330011").contains("read right on schema 'xtk:workflowLog'");
                    });
        }

        wiremock.verifyThat(1, requested(QUERY));
        wiremock.verifyThat(1, requested(LOGOFF));
    }

    @Test
    void truncatedEnvelope_isRefusedUnused_notRetried() {
        healthy(wiremock);
        wiremock.register(journalQuery(4120, 0).willReturn(xml("journal-truncated.xml")));

        try (CampaignSession session = campaign.open()) {
            assertThatThrownBy(() -> session.journal(4120, 7)).isInstanceOfSatisfying(
                    CampaignUnavailableException.class, e -> assertThat(e.getMessage()).contains("truncated"));
        }
        wiremock.verifyThat(1, requested(QUERY));
        wiremock.verifyThat(1, requested(LOGOFF));
    }

    @Test
    void hugeAnswer_isRefusedAsTooLarge_notRetried() {
        healthy(wiremock);
        wiremock.register(journalQuery(4120, 0).willReturn(soap(200, hugeJournal())));

        try (CampaignSession session = campaign.open()) {
            assertThatThrownBy(() -> session.journal(4120, 7)).isInstanceOfSatisfying(
                    CampaignUnavailableException.class, e -> assertThat(e.getMessage()).contains("larger than 262144 bytes"));
        }
        wiremock.verifyThat(1, requested(QUERY));
    }

    @Test
    void serverErrorOnARead_isRetriedOnce_andThenAnswered() {
        healthy(wiremock);
        wiremock.register(workflowQuery().inScenario("503").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wiremock.register(workflowQuery().inScenario("503").whenScenarioStateIs("up").willReturn(xml("workflows.xml")));

        try (CampaignSession session = campaign.open()) {
            assertThat(session.workflows(List.of("mcSynch_*"))).hasSize(2);
        }
        wiremock.verifyThat(2, requested(QUERY));
        wiremock.verifyThat(1, requested(LOGON));
    }

    @Test
    void xmlWithAnExternalEntity_isRejectedUnread() {
        healthy(wiremock);
        wiremock.register(workflowQuery().willReturn(soap(200, """
                <?xml version="1.0"?>
                <!DOCTYPE e [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <SOAP-ENV:Envelope xmlns:SOAP-ENV='http://schemas.xmlsoap.org/soap/envelope/'><SOAP-ENV:Body>
                <ExecuteQueryResponse xmlns='urn:xtk:queryDef'><pdomOutput><workflow-collection>
                <workflow id="1" internalName="mcSynch_&xxe;" state="11" failed="0"/>
                </workflow-collection></pdomOutput></ExecuteQueryResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>""")));

        try (CampaignSession session = campaign.open()) {
            assertThatThrownBy(() -> session.workflows(List.of("mcSynch_*")))
                    .isInstanceOf(CampaignUnavailableException.class);
        }
    }

    static String hugeJournal() {
        String page = fixture("journal-mcExec1-page0.xml");
        int from = page.indexOf("<workflowLog ");
        int to = page.indexOf("</workflowLog-collection>");
        String rows = page.substring(from, to);
        StringBuilder body = new StringBuilder(page.substring(0, from));
        while (body.length() < 1_000_000) {
            body.append(rows);
        }
        return body.append(page.substring(to)).toString();
    }
}
