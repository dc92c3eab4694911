package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.FixedClock;
import com.campaignops.ka05406.SignedWebhooks;
import com.campaignops.ka05406.campaign.soap.CampaignProfile;
import com.campaignops.ka05406.campaign.soap.CampaignResets;
import com.campaignops.ka05406.campaign.soap.SoapCampaignReader;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

import static com.campaignops.ka05406.FakeCampaign.LOGOFF;
import static com.campaignops.ka05406.FakeCampaign.LOGON;
import static com.campaignops.ka05406.FakeCampaign.QUERY;
import static com.campaignops.ka05406.FakeCampaign.ROUTER;
import static com.campaignops.ka05406.FakeCampaign.call;
import static com.campaignops.ka05406.FakeCampaign.fixture;
import static com.campaignops.ka05406.FakeCampaign.healthy;
import static com.campaignops.ka05406.FakeCampaign.journalQuery;
import static com.campaignops.ka05406.FakeCampaign.requested;
import static com.campaignops.ka05406.FakeCampaign.soap;
import static com.campaignops.ka05406.FakeCampaign.xml;
import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep end to end: an invocation goes in through the handler, Campaign is WireMock answering the
 * fixture envelopes, and the report must say what the journal shows, after exactly one Logon and one
 * Logoff, whatever Campaign does.
 */
@QuarkusTest
@TestProfile(CampaignProfile.class)
@ConnectWireMock
class SweepInvocationTest {

    private static final String SWEEP = "{\"action\": \"sweep\"}";

    WireMock wiremock;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    SoapCampaignReader reader;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final ExtHandler logCapture = new ExtHandler() {
        @Override
        protected void doPublish(ExtLogRecord record) {
            logLines.add(record.getFormattedMessage());
            if (record.getLevel() == Level.WARN) {
                warnings.add(record.getFormattedMessage());
            }
        }
    };

    @BeforeEach
    void reset() {
        wiremock.resetRequests();
        wiremock.removeMappings();
        breakers.resetAll();
        CampaignResets.forgetAuthenticationFailure(reader);
        Logger.getLogger("com.campaignops").addHandler(logCapture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("com.campaignops").removeHandler(logCapture);
    }

    @Test
    void sweep_reportsTheRecentKa05406FailureAsFailing_withItsRecurrenceCadenceStateAndRecommendation() {
        healthy(wiremock);

        JsonPath report = invoke("events/sweep.json");

        assertThat(report.getString("checkedAt")).isEqualTo("2024-06-14T07:15:00Z");
        assertThat(report.getList("workflows.workflow")).containsExactly("mcSynch_mcExec1", "mcSynch_mcExec2");
        Map<String, Object> failing = report.getMap("workflows[0]");
        assertThat(failing).containsEntry("instance", "mcExec1").containsEntry("state", "failed")
                .containsEntry("status", "FAILING").containsEntry("since", "2024-06-14T04:00:01.044Z");
        assertThat(report.getList("workflows[0].failures.verdict")).containsExactly("NO_MATCH", "MATCH");
        assertThat(report.getString("workflows[0].failures[1].failedAt")).isEqualTo("2024-06-14T04:00:03.512Z");
        assertThat(report.getString("workflows[0].failures[1].restartAt")).isEqualTo("2024-06-14T04:00:00Z");
        assertThat(report.getString("workflows[0].failures[0].failedAt")).isEqualTo("2024-06-13T14:00:33.007Z");
        assertThat(report.getInt("workflows[0].recurrence.daysAtRestart")).isEqualTo(5);
        assertThat(report.getList("workflows[0].recurrence.localTimes")).containsExactly("06:00");
        assertThat(report.getString("workflows[0].recurrence.summary"))
                .startsWith("Failed with the signature at 06:00 (Europe/Paris) on 5 of the last 7 days");
        assertThat(report.getString("workflows[0].cadence.description")).isEqualTo("every 60 min at :00, from 165 runs");
        assertThat(report.getString("workflows[0].recommendation.schedulerStart")).isEqualTo("06:05");
        assertThat(report.getString("workflows[0].recommendation.timeZone")).isEqualTo("Europe/Paris");

        assertThat(report.getMap("workflows[1]")).containsEntry("status", "CLEAR").containsEntry("state", "started");
        assertThat(report.getString("workflows[1].since")).isNull();
        assertThat(report.getString("workflows[1].cadence.description")).isEqualTo("every 60 min at :05, from 49 runs");
        assertThat(report.getList("workflows[1].failures")).isEmpty();

        wiremock.verifyThat(1, requested(LOGON));
        wiremock.verifyThat(1, requested(LOGOFF));
        wiremock.verifyThat(4, requested(QUERY));
    }

    @Test
    void auditInTheReport_usesTheCadenceFromTheJournal_andSaysSo() {
        healthy(wiremock);

        JsonPath report = invokeWith(SWEEP);

        List<Map<String, Object>> instances = report.getList("instances");
        assertThat(instances).extracting(i -> i.get("instance")).containsExactly("mcExec1", "mcExec2");
        assertThat(report.getString("instances[0].status")).isEqualTo("AT_RISK");
        assertThat(report.getString("instances[0].collidingRun")).isEqualTo("06:00");
        assertThat(report.getString("instances[1].status")).isEqualTo("CLEAR");
        assertThat(report.getString("instances[1].workflowSchedule")).startsWith("every 60 min from 00:05");
        assertThat(report.getString("instances[1].evidence[0]"))
                .startsWith("The audit used the cadence inferred from the journal (every 60 min at :05");
    }

    @Test
    void scheduledEvent_sweepsAndAuditsInOneReport() throws Exception {
        healthy(wiremock);

        JsonPath report = invokeWith(Files.readString(Path.of("events/scheduled-audit.json")));

        assertThat(report.getString("knownIssue")).isEqualTo("KA-05406");
        assertThat(report.getList("workflows.status")).containsExactly("FAILING", "CLEAR");
        assertThat(report.getList("instances.status")).containsExactly("AT_RISK", "CLEAR");
        wiremock.verifyThat(1, requested(LOGON));
        wiremock.verifyThat(1, requested(LOGOFF));
    }

    @Test
    void sweep_isReadOnly_sendingOnlyLogonSelectQueriesAndLogoff() {
        healthy(wiremock);

        invoke("events/sweep.json");

        // docs/sweep.md: the function never writes and never restarts a workflow.
        List<LoggedRequest> calls = wiremock.find(postRequestedFor(urlPathEqualTo(ROUTER)));
        assertThat(calls).isNotEmpty().allSatisfy(call -> assertThat(call.getHeader("SOAPAction"))
                .isIn(LOGON, QUERY, LOGOFF));
        assertThat(calls.stream().filter(call -> QUERY.equals(call.getHeader("SOAPAction"))))
                .isNotEmpty().allSatisfy(query -> assertThat(query.getBodyAsString()).contains("operation=\"select\"")
                        .doesNotContain("operation=\"update\"").doesNotContain("operation=\"insert\""));
    }

    @Test
    void webhook_neverSweeps() {
        healthy(wiremock);
        String event = """
                {"version": "2.0", "rawPath": "/diagnose", "headers": {"content-type": "application/json"},
                 "requestContext": {"http": {"method": "POST", "path": "/diagnose"}},
                 "body": "{\\"action\\": \\"sweep\\"}", "isBase64Encoded": false}""";

        JsonPath reply = invokeWith(SignedWebhooks.signed(event, SignedWebhooks.SECRET, FixedClock.NOW));

        assertThat(reply.getInt("statusCode")).isEqualTo(400);
        wiremock.verifyThat(0, postRequestedFor(urlPathEqualTo(ROUTER)));
    }

    @Test
    void refusedLogon_makesEveryConfiguredWorkflowUnknownWithTheFaultCode_neverAnInternalError() {
        wiremock.register(call(LOGON).willReturn(soap(500, fixture("fault-wrong-password.xml"))));

        JsonPath report = invokeWith(SWEEP);
        JsonPath again = invokeWith(SWEEP);

        assertThat(report.getString("error")).isNull();
        assertThat(report.getList("workflows.workflow")).containsExactly("mcSynch_mcExec1", "mcSynch_mcExec2");
        assertThat(report.getList("workflows.status")).containsOnly("UNKNOWN");
        assertThat(report.getString("workflows[0].reason")).contains("XSV-350012").contains("not retried");
        assertThat(again.getString("workflows[0].reason")).startsWith("skipped: Campaign refused the last Logon");
        assertThat(report.getList("instances.status")).containsExactly("AT_RISK", "AT_RISK");
        wiremock.verifyThat(1, requested(LOGON));
        wiremock.verifyThat(0, requested(LOGOFF));
        assertThat(warnings).anyMatch(w -> w.contains("XSV-350012"));
        assertThat(logLines).noneMatch(line -> line.contains("never-logged"));
    }

    @Test
    void oneJournalFailing_makesOnlyThatWorkflowUnknown_andTheSessionStillLogsOff() {
        healthy(wiremock);
        wiremock.register(journalQuery(4120, 0).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody(fixture("login-page.html"))));

        JsonPath report = invokeWith(SWEEP);

        assertThat(report.getList("workflows.status")).containsExactly("UNKNOWN", "CLEAR");
        assertThat(report.getString("workflows[0].state")).isEqualTo("failed");
        assertThat(report.getString("workflows[0].reason")).contains("HTML page");
        wiremock.verifyThat(1, requested(LOGON));
        wiremock.verifyThat(1, requested(LOGOFF));
    }

    @Test
    void campaignAnsweringTooSlowly_isRetriedOnce_thenUnknownWithinTheDeadline_andStillLogsOff() throws Exception {
        healthy(wiremock);
        // Longer than Campaign's read timeout (3 s in this profile): the attempt and its one retry both time out.
        int late = 4_000;
        wiremock.register(journalQuery(4188, 0).willReturn(xml("journal-mcExec2.xml").withFixedDelay(late)));

        long start = System.nanoTime();
        JsonPath report = invokeWith(SWEEP);
        long took = (System.nanoTime() - start) / 1_000_000;

        // The sweep's deadline (20 s here) bounds it, whatever WireMock does.
        assertThat(took).isLessThan(20_000);
        assertThat(report.getList("workflows.status")).containsExactly("FAILING", "UNKNOWN");
        assertThat(report.getString("workflows[1].reason")).contains("timeout");
        // WireMock journals a request when its delayed answer is sent: the retry's, a read timeout after the first.
        Thread.sleep(Math.max(0, late + 500 - (took - 3_000)));
        wiremock.verifyThat(2, postRequestedFor(urlPathEqualTo(ROUTER))
                .withRequestBody(containing("[@workflow-id] = 4188\"")));
        wiremock.verifyThat(1, requested(LOGON));
        wiremock.verifyThat(1, requested(LOGOFF));
    }
}
