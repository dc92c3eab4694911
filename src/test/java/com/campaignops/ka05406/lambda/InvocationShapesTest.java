package com.campaignops.ka05406.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static com.campaignops.ka05406.SignedWebhooks.signed;
import static com.campaignops.ka05406.SignedWebhooks.signedFile;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample in events/ goes through the mock Lambda event server into the real handler, with the
 * embedded default configuration (mcExec1, scheduled restart 06:00:00 UTC, no restart URL). Webhook
 * samples are signed as a caller would sign them.
 */
@QuarkusTest
class InvocationShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void directInvocation_answersTheVerdictObject() {
        JsonPath verdict = invoke("events/direct-invocation.json");

        assertThat(verdict.getString("knownIssue")).isEqualTo("KA-05406");
        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("workflow")).isEqualTo("mcSynch_mcExec1");
        assertThat(verdict.getString("instance")).isEqualTo("mcExec1");
        assertThat(verdict.getString("failedAt")).isEqualTo("2024-06-13T06:00:03.512Z");
        assertThat(verdict.getString("restartAt")).isEqualTo("2024-06-13T06:00:00Z");
        assertThat(verdict.getString("restartSource")).isEqualTo("SCHEDULE");
        assertThat(verdict.getDouble("minutesFromRestart")).isEqualTo(0.06);
        assertThat(verdict.getInt("recommendation.offsetMinutes")).isEqualTo(5);
        assertThat(verdict.getString("recommendation.schedulerStart")).isEqualTo("06:05");
        assertThat(verdict.getString("recommendation.timeZone")).isEqualTo("UTC");
        assertThat(verdict.getList("recommendation.steps")).hasSize(4);
        assertThat(verdict.getString("recommendation.caveat")).contains("tracking");
    }

    @Test
    void httpApiWebhook_answersAnHttpResponseWithTheVerdictAsBody() {
        assertWebhookMatch(invokeWith(signedFile("events/http-api-webhook.json")));
    }

    @Test
    void functionUrlWebhookWithBase64Body_answersAnHttpResponseWithTheVerdictAsBody() {
        assertWebhookMatch(invokeWith(signedFile("events/function-url-webhook.json")));
    }

    @Test
    void restApiProxyWebhook_answersAnHttpResponseWithTheVerdictAsBody() {
        assertWebhookMatch(invokeWith(signedFile("events/rest-api-webhook.json")));
    }

    @Test
    void scheduledEvent_runsTheAuditOfEveryConfiguredInstance() {
        JsonPath report = invoke("events/scheduled-audit.json");

        assertThat(report.getString("knownIssue")).isEqualTo("KA-05406");
        assertThat(report.getString("checkedAt")).isNotBlank();
        assertThat(report.getList("instances.instance")).containsExactly("mcExec1");
        assertThat(report.getString("instances[0].status")).isEqualTo("AT_RISK");
        assertThat(report.getString("instances[0].collidingRun")).isEqualTo("06:00");
        assertThat(report.getString("instances[0].restartSource")).isEqualTo("SCHEDULE");
        assertThat(report.getString("instances[0].recommendation.schedulerStart")).isEqualTo("06:05");
    }

    @Test
    void eventBridgeCustomEvent_isUnwrappedFromDetail() {
        assertThat(invoke("events/eventbridge-notification.json").getString("verdict")).isEqualTo("MATCH");
    }

    @Test
    void snsRecord_isUnwrappedFromItsMessage_andLocalTimeIsReadInTheGivenZone() {
        JsonPath verdict = invoke("events/sns-notification.json");

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("failedAt")).isEqualTo("2024-06-13T04:00:03Z");
        // mcExec2 is not configured: the notification names its server's zone, and the control zone falls back to
        // the zone its times were written in.
        assertThat(verdict.getString("restartAt")).isEqualTo("2024-06-13T04:00:00Z");
        assertThat(verdict.getList("evidence", String.class)).anyMatch(e -> e.contains("the notification's serverTimeZone"));
        assertThat(verdict.getString("recommendation.schedulerStart")).isEqualTo("06:05");
        assertThat(verdict.getString("recommendation.timeZone")).isEqualTo("Europe/Paris");
    }

    @Test
    void unknownServerZone_isInconclusive_namingTheOffsetsAtWhichItWouldMatch_andTheSettingThatSettlesIt() {
        // mcExec9 is not configured, so no server zone is known; the notification gives none either.
        ObjectNode notification = JSON.createObjectNode().put("workflow", "mcSynch_mcExec9")
                .put("failedAt", "2024-06-13T04:00:40Z")
                .put("error", "Empty return for method 'Logon' of service 'xtk:session'");

        JsonPath verdict = invokeWith(notification.toString());

        assertThat(verdict.getString("verdict")).isEqualTo("INCONCLUSIVE");
        assertThat(verdict.getString("restartAt")).isNull();
        assertThat(verdict.getList("evidence", String.class))
                .anyMatch(e -> e.contains("if the server runs at UTC+02:00") && e.contains("server-time-zone"));
    }

    @Test
    void serverZoneTakenFromTheNotificationsServerTimeZone_whenNoneIsConfigured_andTheEvidenceSaysSo() {
        ObjectNode notification = JSON.createObjectNode().put("workflow", "mcSynch_mcExec9")
                .put("failedAt", "2024-06-13T04:00:03Z").put("serverTimeZone", "Europe/Paris")
                .put("timeZone", "Europe/Paris").put("error", "Empty return for method 'Logon' of service 'xtk:session'");

        JsonPath verdict = invokeWith(notification.toString());

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("restartAt")).isEqualTo("2024-06-13T04:00:00Z");
        assertThat(verdict.getString("recommendation.schedulerStart")).isEqualTo("06:05");
        assertThat(verdict.getList("evidence", String.class))
                .anyMatch(e -> e.contains("06:00:00 Europe/Paris (the notification's serverTimeZone)"));
    }

    @Test
    void theNotificationsTimeZone_saysHowItsTimesWereWritten_neverWhereTheServerRuns() {
        // The French console copy: 07:01:12 Paris is 06:01:12 UTC, a KA-05406 on a server at UTC+00:00.
        ObjectNode notification = JSON.createObjectNode().put("workflow", "mcSynch_exec_fr")
                .put("timeZone", "Europe/Paris").put("failedAt", "27/10/2025 07:01:12")
                .put("error", "Empty return for method 'Logon' of service 'xtk:session'.");

        JsonPath verdict = invokeWith(notification.toString());

        assertThat(verdict.getString("verdict")).isEqualTo("INCONCLUSIVE");
        assertThat(verdict.getString("failedAt")).isEqualTo("2025-10-27T06:01:12Z");
        assertThat(verdict.getList("evidence", String.class))
                .anyMatch(e -> e.contains("UTC+00:00") && e.contains("RESTART_CHECK_SCHEDULED_RESTART_SERVER_TIME_ZONE"))
                .noneMatch(e -> e.contains("Europe/Paris"));
    }

    @Test
    void cloudEvent_isUnwrappedFromData_andTheErrorIsFoundInTheLogs() {
        JsonPath verdict = invoke("events/cloudevent-notification.json");

        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("failedAt")).isEqualTo("2024-06-13T06:00:03.512Z");
    }

    @Test
    void minimalHandMadeEvents_areRecognisedByTheirDiscriminatorsAlone() {
        ObjectNode notification = JSON.createObjectNode().put("workflow", "mcSynch_mcExec1")
                .put("failedAt", "2024-06-13T06:00:03Z").put("error", "Empty return for method 'Logon' of service 'xtk:session'");
        ObjectNode restProxy = JSON.createObjectNode().put("httpMethod", "POST").put("body", notification.toString());
        ObjectNode httpApi = JSON.createObjectNode().put("body", notification.toString());
        httpApi.putObject("requestContext").putObject("http").put("method", "POST");

        assertThat(invokeWith("{\"detail-type\":\"Scheduled Event\",\"detail\":{}}").getList("instances")).hasSize(1);
        assertThat(invokeWith(signed(restProxy.toString())).getInt("statusCode")).isEqualTo(200);
        assertThat(invokeWith(signed(httpApi.toString())).getInt("statusCode")).isEqualTo(200);
        assertThat(invokeWith(JSON.getNodeFactory().textNode(notification.toString()).toString()).getString("verdict"))
                .isEqualTo("MATCH");
        ObjectNode snsHttpsDelivery = JSON.createObjectNode().put("Type", "Notification")
                .put("TopicArn", "arn:aws:sns:eu-west-1:123456789012:campaign-alerts").put("Message", notification.toString());
        assertThat(invokeWith(signed(JSON.createObjectNode().put("httpMethod", "POST").put("body", snsHttpsDelivery.toString())
                .toString())).getString("body")).contains("\"verdict\":\"MATCH\"");
    }

    private static void assertWebhookMatch(JsonPath response) {
        assertThat(response.getInt("statusCode")).isEqualTo(200);
        assertThat(response.getString("headers.content-type")).isEqualTo("application/json");
        assertThat(response.getBoolean("isBase64Encoded")).isFalse();
        JsonPath verdict = JsonPath.from(response.getString("body"));
        assertThat(verdict.getString("verdict")).isEqualTo("MATCH");
        assertThat(verdict.getString("recommendation.schedulerStart")).isEqualTo("06:05");
    }
}
