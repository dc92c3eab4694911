package com.campaignops.ka05406.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Base64;

import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is answered with the field at fault and why; never a stack trace, never a verdict. */
@QuarkusTest
class BadInputTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"failedAt\":\"2024-06-13T06:00:03Z\",\"error\":\"x\"}                                   | workflow  | is required",
        "{\"workflow\":42,\"error\":\"x\"}                                                         | workflow  | must be a string",
        "{\"workflow\":\"mcSynch_mcExec1\",\"failedAt\":\"yesterday at six\",\"error\":\"x\"}      | failedAt  | yesterday at six",
        "{\"workflow\":\"mcSynch_mcExec1\",\"failedAt\":\"2024-06-13 06:00:03\",\"error\":\"x\"}    | failedAt  | give timeZone",
        "{\"workflow\":\"mcSynch_mcExec1\",\"timeZone\":\"Mars/Olympus\",\"error\":\"x\"}          | timeZone  | not an IANA time zone",
        "{\"workflow\":\"mcSynch_mcExec1\",\"failedAt\":\"2024-06-13T06:00:03Z\"}                  | error     | is required unless logs are given",
        "{\"workflow\":\"mcSynch_mcExec1\",\"logs\":\"not a list\"}                                | logs      | must be a list",
        "{\"workflow\":\"mcSynch_mcExec1\",\"logs\":[{\"logDate\":\"13/06/2024\",\"message\":\"m\"}]} | logs[0].logDate | is not a date-time",
        "{\"workflow\":\"mcSynch_mcExec1\",\"instance\":\"../admin\",\"error\":\"x\"}              | instance  | internal name",
        "[1,2,3]                                                                                   | notification | expected a JSON object",
        "{not json                                                                                 | event     | is not valid JSON",
    })
    void directInvocationWithABadField_namesTheFieldAndWhy(String event, String field, String why) {
        JsonPath answer = invokeWith(event);

        assertThat(answer.getString("error")).isEqualTo("INVALID_INPUT");
        assertThat(answer.getString("field")).isEqualTo(field);
        assertThat(answer.getString("message")).contains(field).contains(why);
        assertThat(answer.getString("verdict")).isNull();
    }

    @Test
    void severalBadFields_areAllReported() {
        JsonPath answer = invokeWith("{\"failedAt\":\"soon\",\"timeZone\":\"Nowhere\"}");

        assertThat(answer.getList("problems.field")).containsExactlyInAnyOrder("timeZone", "workflow", "failedAt", "error");
    }

    @Test
    void webhookWithAnInvalidJsonBody_answers400NamingTheBody() {
        JsonPath response = invokeWith(webhook("POST", "{\"workflow\": ", false));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        JsonPath body = JsonPath.from(response.getString("body"));
        assertThat(body.getString("error")).isEqualTo("INVALID_INPUT");
        assertThat(body.getString("field")).isEqualTo("body");
    }

    @Test
    void webhookWithAnEmptyBody_answers400() {
        JsonPath response = invokeWith(webhook("POST", "", false));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(JsonPath.from(response.getString("body")).getString("message")).contains("body: is empty");
    }

    @Test
    void webhookWithABadField_answers400NamingTheField() {
        String body = "{\"workflow\":\"mcSynch_mcExec1\",\"failedAt\":\"13 June\",\"error\":\"x\"}";
        JsonPath response = invokeWith(webhook("POST", Base64.getEncoder().encodeToString(body.getBytes()), true));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(JsonPath.from(response.getString("body")).getString("field")).isEqualTo("failedAt");
    }

    @Test
    void webhookMarkedBase64WithABodyThatIsNot_answers400() {
        JsonPath response = invokeWith(webhook("POST", "{\"workflow\":\"x\"}", true));

        assertThat(response.getInt("statusCode")).isEqualTo(400);
        assertThat(JsonPath.from(response.getString("body")).getString("message")).contains("base64");
    }

    @Test
    void webhookWithAnotherMethodThanPost_answers405() {
        JsonPath response = invokeWith(webhook("GET", null, false));

        assertThat(response.getInt("statusCode")).isEqualTo(405);
        assertThat(response.getString("headers.allow")).isEqualTo("POST");
    }

    @Test
    void snsMessageThatIsNotJson_namesTheRecord() {
        JsonPath answer = invokeWith("{\"Records\":[{\"EventSource\":\"aws:sns\",\"Sns\":{\"Message\":\"mcSynch failed\"}}]}");

        assertThat(answer.getString("field")).isEqualTo("Records[0].Sns.Message");
    }

    @Test
    void noAnswerEverCarriesAStackTrace() {
        String answer = given().body("{\"workflow\":{\"nested\":true},\"logs\":[42]}").when().post()
                .then().statusCode(200).extract().asString();

        assertThat(answer).doesNotContain("stackTrace").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String webhook(String method, String body, boolean base64) {
        String bodyJson = body == null ? "null" : "\"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        return "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"/\",\"headers\":{},"
                + "\"requestContext\":{\"http\":{\"method\":\"" + method + "\",\"path\":\"/\"}},"
                + "\"body\":" + bodyJson + ",\"isBase64Encoded\":" + base64 + "}";
    }
}
