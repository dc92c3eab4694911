package com.campaignops.ka05406.notification;

import com.campaignops.ka05406.notification.JournalEntry.Level;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NotificationReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNATURE = "Empty return for method 'Logon' of service 'xtk:session'.";

    private final NotificationReader reader = new NotificationReader(10_000, java.time.Clock.systemUTC(), null,
            null, WorkflowNames.DEFAULT);

    @Test
    void completeNotification_isReadFieldByField_inUtc_ignoringUnknownFields() {
        Notification notification = read("""
                {"workflow": "mcSynch_mcExec1", "failedAt": "2024-06-13 06:00:03.512", "timeZone": "Europe/Paris",
                 "error": "Empty return for method 'Logon' of service 'xtk:session'.", "instance": "rtProd",
                 "source": "supervisor mail", "severity": 3}
                """);

        assertThat(notification).isEqualTo(new Notification("mcSynch_mcExec1", null, "rtProd",
                Instant.parse("2024-06-13T04:00:03.512Z"), SIGNATURE, List.of(), ZoneId.of("Europe/Paris"), null, null, null));
    }

    @ParameterizedTest(name = "{0} -> instance {1}")
    @CsvSource(textBlock = """
            mcSynch_mcExec1,     mcExec1
            MCSYNCH_mcExec1,     mcExec1
            mcsynch_rt_prod_2,   rt_prod_2
            mcSynch_,
            mcSynch_mc-exec,
            mcSync_mcExec,
            mcExec1,
            """)
    void instanceLeftOut_isTheSuffixOfTheMcSynchWorkflowName(String workflow, String expectedInstance) {
        Notification notification = read("{\"workflow\": \"" + workflow + "\", \"error\": \"boom\"}");

        assertThat(notification.instance()).isEqualTo(expectedInstance);
    }

    @Test
    void instanceThatIsNoInternalName_isKeptAsGiven_soTheVerdictCanSayItIsNotConfigured() {
        assertThat(read("{\"workflow\": \"mcSynch_mcExec1\", \"instance\": \"http://169.254.169.254/latest\", "
                + "\"error\": \"boom\"}").instance()).isEqualTo("http://169.254.169.254/latest");
    }

    @Test
    void instanceGiven_winsOverTheWorkflowName() {
        assertThat(read("{\"workflow\": \"mcSynch_mcExec1\", \"instance\": \" mcExec2 \", \"error\": \"boom\"}")
                .instance()).isEqualTo("mcExec2");
    }

    @ParameterizedTest(name = "failedAt {0}")
    @CsvSource(delimiter = '|', textBlock = """
            "2024-06-13T04:00:03.512Z"        | 2024-06-13T04:00:03.512Z
            "2024-06-13T06:00:03.512+02:00"   | 2024-06-13T04:00:03.512Z
            "2024-06-13 04:00:03.512Z"        | 2024-06-13T04:00:03.512Z
            "2021-08-27 08:02:07.963-07"      | 2021-08-27T15:02:07.963Z
            "2024/06/13 04:00:03Z"            | 2024-06-13T04:00:03Z
            1718251203                        | 2024-06-13T04:00:03Z
            1718251203512                     | 2024-06-13T04:00:03.512Z
            1718251203.5                      | 2024-06-13T04:00:03.500Z
            "1718251203"                      | 2024-06-13T04:00:03Z
            """)
    void failedAt_isReadInEveryFormCampaignProduces(String failedAtJson, Instant expected) {
        Notification notification = read("{\"workflow\": \"mcSynch_mcExec1\", \"error\": \"boom\", \"failedAt\": "
                + failedAtJson + "}");

        assertThat(notification.failedAt()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(textBlock = """
            2024-03-31 06:00:03, Europe/Paris,     2024-03-31T04:00:03Z
            2024-03-30 06:00:03, Europe/Paris,     2024-03-30T05:00:03Z
            2024-10-27 06:00:03, Europe/Paris,     2024-10-27T05:00:03Z
            2024-10-26 06:00:03, Europe/Paris,     2024-10-26T04:00:03Z
            2024-06-13 00:00:03, America/New_York, 2024-06-13T04:00:03Z
            """)
    void localFailedAt_isReadInTimeZone(String failedAt, String timeZone, Instant expected) {
        Notification notification = read("{\"workflow\": \"mcSynch_mcExec1\", \"error\": \"boom\", \"failedAt\": \""
                + failedAt + "\", \"timeZone\": \"" + timeZone + "\"}");

        assertThat(notification.failedAt()).isEqualTo(expected);
        assertThat(notification.inputZone()).isEqualTo(ZoneId.of(timeZone));
    }

    @ParameterizedTest(name = "failedAt {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            null
            ""
            "   "
            """)
    void failedAtLeftOutOrBlank_isNoFailureTime(String failedAtJson) {
        Notification notification = read("{\"workflow\": \"mcSynch_mcExec1\", \"error\": \"boom\", \"failedAt\": "
                + failedAtJson + "}");

        assertThat(notification.failedAt()).isNull();
    }

    @Test
    void logsAsStringsAndAsJournalObjects_becomeJournalEntries() {
        Notification notification = read("""
                {"workflow": "mcSynch_mcExec1", "timeZone": "Europe/Paris", "logs": [
                  "2024-06-13T04:00:03.512Z\\t41233\\t41260\\t1\\terror\\tlog\\tEmpty return for method 'Logon' of service 'xtk:session'.",
                  {"logDate": "2024-06-13 04:00:01.044Z", "logType": 2, "message": "Workflow 'mcSynch_mcExec1' is being run"},
                  {"logDate": "2024-06-13 06:00:02", "logType": "1", "message": " Retrying "},
                  {"logDate": 1718251203, "logType": 0, "message": "SOP-330011 boom"},
                  {"message": "no date, no type"},
                  "just a pasted message"
                ]}
                """);

        assertThat(notification.error()).isNull();
        assertThat(notification.logs()).containsExactly(
                new JournalEntry(Instant.parse("2024-06-13T04:00:03.512Z"), Level.ERROR, SIGNATURE),
                new JournalEntry(Instant.parse("2024-06-13T04:00:01.044Z"), Level.INFO,
                        "Workflow 'mcSynch_mcExec1' is being run"),
                new JournalEntry(Instant.parse("2024-06-13T04:00:02Z"), Level.WARNING, "Retrying"),
                new JournalEntry(Instant.parse("2024-06-13T04:00:03Z"), Level.ERROR, "SOP-330011 boom"),
                new JournalEntry(null, Level.UNKNOWN, "no date, no type"),
                new JournalEntry(null, Level.UNKNOWN, "just a pasted message"));
    }

    @Test
    void errorAndLogsTogether_areBothKept() {
        Notification notification = read("""
                {"workflow": "mcSynch_mcExec1", "error": "  boom  ",
                 "logs": [{"logDate": "2024-06-13 04:00:03.512Z", "logType": 0, "message": "boom"}]}
                """);

        assertThat(notification.error()).isEqualTo("boom");
        assertThat(notification.logs()).hasSize(1);
        assertThat(notification.failedAt()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            workflow missing               | {"error": "boom"}                                                         | workflow
            workflow blank                 | {"workflow": "  ", "error": "boom"}                                       | workflow
            workflow not a string          | {"workflow": 42, "error": "boom"}                                         | workflow
            neither error nor logs         | {"workflow": "mcSynch_mcExec1"}                                           | error
            blank error and no logs        | {"workflow": "mcSynch_mcExec1", "error": " "}                             | error
            empty logs and no error        | {"workflow": "mcSynch_mcExec1", "logs": []}                               | error
            error not a string             | {"workflow": "mcSynch_mcExec1", "error": {"code": 1}}                     | error
            failedAt not a date            | {"workflow": "mcSynch_mcExec1", "error": "boom", "failedAt": "soon"}      | failedAt
            failedAt a boolean             | {"workflow": "mcSynch_mcExec1", "error": "boom", "failedAt": true}        | failedAt
            failedAt impossible            | {"workflow": "mcSynch_mcExec1", "error": "boom", "failedAt": "2024-02-30 06:00:00Z"} | failedAt
            timeZone unknown               | {"workflow": "mcSynch_mcExec1", "error": "boom", "timeZone": "Paris"}     | timeZone
            timeZone not a string          | {"workflow": "mcSynch_mcExec1", "error": "boom", "timeZone": 2}           | timeZone
            instance not a string          | {"workflow": "mcSynch_mcExec1", "error": "boom", "instance": 7}           | instance
            logs not a list                | {"workflow": "mcSynch_mcExec1", "logs": "boom"}                           | logs
            logs[2] a number               | {"workflow": "mcSynch_mcExec1", "logs": ["a", "b", 3]}                    | logs[2]
            logs[2] null                   | {"workflow": "mcSynch_mcExec1", "logs": ["a", "b", null]}                 | logs[2]
            logs[2].logDate not a date     | {"workflow": "mcSynch_mcExec1", "logs": ["a", "b", {"logDate": "06:00", "message": "c"}]} | logs[2].logDate
            logs[1].message missing        | {"workflow": "mcSynch_mcExec1", "logs": ["a", {"logDate": "2024-06-13 04:00:00Z"}]}     | logs[1].message
            """)
    void badField_isReportedByItsName(String description, String json, String field) {
        InvalidNotificationException e = readExpectingProblems(json);

        assertThat(e.problems()).extracting(Problem::field).containsExactly(field);
        assertThat(e.getMessage()).startsWith(field + ": ");
    }

    @Test
    void localFailedAtWithoutAnyInputZone_isRead_andMarkedUnplaced() {
        Notification notification = read(
                "{\"workflow\": \"mcSynch_mcExec1\", \"error\": \"boom\", \"failedAt\": \"2024-06-13 06:00:03\"}");

        assertThat(notification.timesPlaced()).isFalse();
        assertThat(notification.unplacedTime()).isEqualTo("2024-06-13 06:00:03");
        assertThat(notification.inputZone()).isNull();
    }

    @Test
    void localLogDateWithoutAnyInputZone_isRead_andMarkedUnplaced_evenBesideAnInstant() {
        Notification notification = read("""
                {"workflow": "mcSynch_mcExec1",
                 "logs": [{"logDate": "2024-06-13 04:00:00Z", "message": "a"}, {"logDate": "2024-06-13 06:00:03", "message": "b"}]}
                """);

        assertThat(notification.unplacedTime()).isEqualTo("2024-06-13 06:00:03");
        assertThat(notification.logs()).hasSize(2);
    }

    @Test
    void configuredInputZone_placesTimesTheNotificationWritesWithoutOffset_andItsOwnTimeZoneWins() {
        NotificationReader configured = new NotificationReader(10_000, java.time.Clock.systemUTC(), null,
                ZoneId.of("Europe/Paris"), WorkflowNames.DEFAULT);

        Notification byConfiguration = configured.readings(parse(
                "{\"workflow\": \"mcSynch_mcExec1\", \"error\": \"boom\", \"failedAt\": \"27/10/2025 07:01:12\"}")).get(0);
        Notification byNotification = configured.readings(parse("{\"workflow\": \"mcSynch_mcExec1\", \"error\": \"boom\", "
                + "\"failedAt\": \"27/10/2025 07:01:12\", \"timeZone\": \"UTC\"}")).get(0);

        assertThat(byConfiguration.failedAt()).isEqualTo(Instant.parse("2025-10-27T06:01:12Z"));
        assertThat(byConfiguration.timesPlaced()).isTrue();
        assertThat(byNotification.failedAt()).isEqualTo(Instant.parse("2025-10-27T07:01:12Z"));
    }

    @ParameterizedTest(name = "serverTimeZone {0}")
    @CsvSource(textBlock = """
            UTC,          UTC
            Europe/Paris, Europe/Paris
            UTC+02:00,    UTC+02:00
            +05:30,       +05:30
            """)
    void serverTimeZone_isReadAsTheServersZone_neverAsTheInputZone(String given, String expected) {
        Notification notification = read("{\"workflow\": \"mcSynch_mcExec1\", \"error\": \"boom\", "
                + "\"failedAt\": \"2025-10-27T06:01:12Z\", \"serverTimeZone\": \"" + given + "\"}");

        assertThat(notification.serverZone()).isEqualTo(ZoneId.of(expected));
        assertThat(notification.inputZone()).isNull();
    }

    @Test
    void serverTimeZoneThatIsNoZone_isReportedByItsName() {
        InvalidNotificationException e = readExpectingProblems(
                "{\"workflow\": \"mcSynch_mcExec1\", \"error\": \"boom\", \"serverTimeZone\": \"Paris\"}");

        assertThat(e.problems()).extracting(Problem::field).containsExactly("serverTimeZone");
    }

    @Test
    void everyBadField_isReported_notJustTheFirst() {
        InvalidNotificationException e = readExpectingProblems("""
                {"workflow": 1, "failedAt": "2024-06-13 06:00:03", "timeZone": "Mars/Olympus_Mons",
                 "logs": ["ok", {"logDate": "later", "message": "x"}], "instance": 7}
                """);

        assertThat(e.problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("workflow", "timeZone", "logs[1].logDate", "instance");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            []
            "mcSynch_mcExec1"
            null
            """)
    void jsonThatIsNotAnObject_isRejectedAsAWhole(String json) {
        assertThat(readExpectingProblems(json).problems()).extracting(Problem::field).containsExactly("notification");
    }

    @Test
    void noJsonAtAll_isRejectedAsAWhole() {
        InvalidNotificationException e = catchThrowableOfType(InvalidNotificationException.class,
                () -> reader.readings(null));

        assertThat(e.problems()).extracting(Problem::field).containsExactly("notification");
    }

    private Notification read(String json) {
        return reader.readings(parse(json)).get(0);
    }

    private InvalidNotificationException readExpectingProblems(String json) {
        JsonNode node = parse(json);
        InvalidNotificationException e = catchThrowableOfType(InvalidNotificationException.class,
                () -> reader.readings(node));
        assertThat(e).as("expected the notification to be rejected: %s", json).isNotNull();
        return e;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("bad test JSON: " + json, e);
        }
    }
}
