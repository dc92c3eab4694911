package com.campaignops.ka05406.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static com.campaignops.ka05406.SignedWebhooks.signed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input is answered with {"error": {code, message, field}}: the field at fault and why, never a
 * stack trace, never a verdict. Each file under src/test/resources/bad-input is sent twice: as a direct
 * invocation, and as the body of a signed HTTP API webhook call.
 */
@QuarkusTest
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // file                          | code              | direct field    | webhook field   | status | why
        "missing-workflow.json           | INVALID_INPUT     | workflow        | workflow        | 400 | is required",
        "workflow-not-a-string.json      | INVALID_INPUT     | workflow        | workflow        | 400 | must be a string",
        "failed-at-unparsable.json       | INVALID_INPUT     | failedAt        | failedAt        | 400 | yesterday at six",
        "failed-at-far-future.json       | INVALID_INPUT     | failedAt        | failedAt        | 400 | in the future",
        "failed-at-before-2000.json      | INVALID_INPUT     | failedAt        | failedAt        | 400 | before 2000",
        "server-time-zone-unknown.json   | INVALID_INPUT     | serverTimeZone  | serverTimeZone  | 400 | or UTC offset",
        "time-zone-unknown.json          | INVALID_INPUT     | timeZone        | timeZone        | 400 | not an IANA time zone",
        "logs-not-a-list.json            | INVALID_INPUT     | logs            | logs            | 400 | must be a list",
        "logs-item-a-number.json         | INVALID_INPUT     | logs[0]         | logs[0]         | 400 | must be a string or an object",
        "logs-bad-log-date.json          | INVALID_INPUT     | logs[0].logDate | logs[0].logDate | 400 | is not a date-time",
        "logs-entry-without-message.json | INVALID_INPUT     | logs[0].message | logs[0].message | 400 | is required",
        "logs-line-before-2000.json      | INVALID_INPUT     | logs[1]         | logs[1]         | 400 | before 2000",
        "logs-log-date-in-year-9999.json | INVALID_INPUT     | logs[0].logDate | logs[0].logDate | 400 | in the future",
        "logs-over-limit.json            | PAYLOAD_TOO_LARGE | logs            | logs            | 413 | at most 10000",
        "error-over-limit.json           | PAYLOAD_TOO_LARGE | error           | error           | 413 | has 10001 lines; at most 10000",
        "error-and-logs-missing.json     | INVALID_INPUT     | error           | error           | 400 | is required unless logs",
        "instance-not-a-string.json      | INVALID_INPUT     | instance        | instance        | 400 | internal name",
        "language-not-a-string.json      | INVALID_INPUT     | language        | language        | 400 | BCP 47 language tag",
        "date-order-unknown.json         | INVALID_INPUT     | dateOrder       | dateOrder       | 400 | must be DMY (27/10/2025), MDY (10/27/2025) or YMD",
        "array.json                      | INVALID_INPUT     | notification    | notification    | 400 | got a JSON array",
        "string.json                     | INVALID_INPUT     | notification    | notification    | 400 | got a JSON string",
        "number.json                     | INVALID_INPUT     | notification    | notification    | 400 | got a JSON number",
        "truncated.json                  | INVALID_INPUT     | event           | body            | 400 | is not valid JSON",
        "empty.json                      | INVALID_INPUT     | event           | body            | 400 | is empty",
        "trailing-document.json          | INVALID_INPUT     | event           | body            | 400 | has more after its JSON value (at line 2, column 1)",
        "trailing-bytes.json             | INVALID_INPUT     | event           | body            | 400 | is not valid JSON",
        "sqs-event.json                  | UNSUPPORTED_EVENT | event           | event           | 400 | not a shape this function handles",
        "s3-event.json                   | UNSUPPORTED_EVENT | event           | event           | 400 | not a shape this function handles",
    })
    void badInput_isAnsweredWithTheFieldAndWhy_directlyAndOverTheWebhook(String file, String code, String directField,
                                                                       String webhookField, int status, String why) {
        String input = badInput(file);

        assertError(invokeWith(input), code, directField, why);

        JsonPath response = invokeWith(signed(httpApiPost("/diagnose", input)));
        assertThat(response.getInt("statusCode")).isEqualTo(status);
        assertThat(response.getString("headers.content-type")).isEqualTo("application/json");
        assertError(JsonPath.from(response.getString("body")), code, webhookField, why);
    }

    @Test
    void severalBadFields_areAllReported() {
        JsonPath answer = invokeWith("{\"failedAt\":\"soon\",\"timeZone\":\"Nowhere\"}");

        assertThat(answer.getList("error.problems.field"))
                .containsExactlyInAnyOrder("timeZone", "workflow", "failedAt", "error");
    }

    @Test
    void unknownFields_areIgnored() {
        JsonPath answer = invokeWith("{\"workflow\":\"mcSynch_mcExec1\",\"failedAt\":\"2024-06-13T06:00:03Z\","
                + "\"error\":\"Empty return for method 'Logon' of service 'xtk:session'\",\"severity\":\"P1\","
                + "\"runbook\":{\"url\":\"https://example.invalid\"}}");

        assertThat(answer.getString("verdict")).isEqualTo("MATCH");
    }

    @Test
    void notificationSavedWithAByteOrderMark_isRead() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("events/direct-invocation.json"));
        byte[] withBom = new byte[file.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(file, 0, withBom, 3, file.length);

        String answer = given().body(withBom).when().post().then().statusCode(200).extract().asString();

        assertThat(JsonPath.from(answer).getString("verdict")).isEqualTo("MATCH");
    }

    @Test
    void webhookBodyOverTheLimit_answers413BeforeItIsParsed() {
        String body = "{\"workflow\":\"mcSynch_mcExec1\",\"error\":\"" + "x".repeat(1_048_576) + "\"}";

        JsonPath response = invokeWith(signed(httpApiPost("/diagnose", body)));

        assertThat(response.getInt("statusCode")).isEqualTo(413);
        assertError(JsonPath.from(response.getString("body")), "PAYLOAD_TOO_LARGE", "body", "at most 1048576");
    }

    @Test
    void base64WebhookBodyOverTheLimit_answers413WithoutDecodingIt() {
        ObjectNode event = (ObjectNode) readTree(httpApiPost("/", "{}"));
        event.put("isBase64Encoded", true).put("body", Base64.getEncoder().encodeToString(new byte[1_100_000]));

        JsonPath response = invokeWith(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(413);
        assertThat(JsonPath.from(response.getString("body")).getString("error.field")).isEqualTo("body");
    }

    @Test
    void webhookMarkedBase64WithABodyThatIsNot_answers400() {
        ObjectNode event = (ObjectNode) readTree(httpApiPost("/", "{\"workflow\":\"x\"}"));
        event.put("isBase64Encoded", true);

        JsonPath response = invokeWith(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertError(JsonPath.from(response.getString("body")), "INVALID_INPUT", "body", "not valid base64");
    }

    @Test
    void webhookWithAnotherMethodThanPost_answers405() {
        ObjectNode event = (ObjectNode) readTree(httpApiPost("/diagnose", ""));
        ((ObjectNode) event.path("requestContext").path("http")).put("method", "GET");
        event.remove("body");

        JsonPath response = invokeWith(event.toString());

        assertThat(response.getInt("statusCode")).isEqualTo(405);
        assertThat(response.getString("headers.allow")).isEqualTo("POST");
        assertError(JsonPath.from(response.getString("body")), "METHOD_NOT_ALLOWED", "method", "use POST");
    }

    @Test
    void webhookOnAPathThatIsNotServed_answers404() {
        JsonPath response = invokeWith(signed(httpApiPost("/admin/config", badInput("missing-workflow.json"))));

        assertThat(response.getInt("statusCode")).isEqualTo(404);
        assertError(JsonPath.from(response.getString("body")), "NOT_FOUND", "path", "/admin/config");
    }

    @Test
    void snsMessageThatIsNotJson_namesTheRecord() {
        JsonPath answer = invokeWith("{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":\"mcSynch failed\"}}]}");

        assertThat(answer.getString("error.field")).isEqualTo("Records[0].Sns.Message");
    }

    @Test
    void noAnswerEverCarriesAStackTrace() {
        String answer = given().body("{\"workflow\":{\"nested\":true},\"logs\":[42]}").when().post()
                .then().statusCode(200).extract().asString();

        assertThat(answer).doesNotContain("stackTrace").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static void assertError(JsonPath answer, String code, String field, String why) {
        assertThat(answer.getString("error.code")).isEqualTo(code);
        assertThat(answer.getString("error.field")).isEqualTo(field);
        assertThat(answer.getString("error.message")).contains(field).contains(why);
        assertThat(answer.getString("verdict")).isNull();
    }

    /** An HTTP API (payload 2.0) POST event carrying {@code body} as sent. */
    static String httpApiPost(String path, String body) {
        ObjectNode event = JSON.createObjectNode().put("version", "2.0").put("routeKey", "POST " + path)
                .put("rawPath", path).put("body", body).put("isBase64Encoded", false);
        event.putObject("headers").put("content-type", "application/json");
        event.putObject("requestContext").putObject("http").put("method", "POST").put("path", path);
        return event.toString();
    }

    private static String badInput(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/bad-input", file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
