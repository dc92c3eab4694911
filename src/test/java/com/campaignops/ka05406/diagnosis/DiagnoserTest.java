package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.Fixtures;
import com.campaignops.ka05406.notification.JournalEntry;
import com.campaignops.ka05406.notification.JournalEntry.Level;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.notification.NotificationReader;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class DiagnoserTest {

    private static final String SIGNATURE = "Empty return for method 'Logon' of service 'xtk:session'.";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final RestartFetch NOT_CONFIGURED =
            new RestartFetch.NotConfigured("No restart URL is configured for instance mcExec1");
    private static final RestartSchedule SIX_AM_PARIS = new RestartSchedule(LocalTime.of(6, 0), PARIS);
    /** 06:00 Paris (CEST) on 2024-06-13. */
    private static final Instant RESTART = Instant.parse("2024-06-13T04:00:00Z");

    private final Diagnoser diagnoser = new Diagnoser(DiagnosisRules.DEFAULT, new WorkflowPattern(List.of("mcSynch_*")));

    static List<String> knowledgeBasePhrasings() {
        return Fixtures.lines("signatures/positive.txt");
    }

    // ---- triage: what the notification alone settles

    @Test
    void signatureOnASynchWorkflowAtAKnownTime_needsTheRestartTime() {
        Diagnoser.Triage triage = diagnoser.triage(notification("mcSynch_mcExec1", SIGNATURE, RESTART.plusSeconds(3)), Messages.english());

        assertThat(triage).asInstanceOf(type(Diagnoser.Triage.NeedsRestartTime.class))
                .extracting(Diagnoser.Triage.NeedsRestartTime::candidate)
                .satisfies(candidate -> {
                    assertThat(candidate.workflow()).isEqualTo("mcSynch_mcExec1");
                    assertThat(candidate.instance()).isEqualTo("mcExec1");
                    assertThat(candidate.failedAt()).isEqualTo(RESTART.plusSeconds(3));
                    assertThat(candidate.evidence()).anyMatch(e -> e.contains("is KA-05406's signature"));
                });
    }

    @ParameterizedTest
    @MethodSource("knowledgeBasePhrasings")
    void everyPhrasingOfTheArticle_onASynchWorkflow_needsTheRestartTime(String phrasing) {
        assertThat(diagnoser.triage(notification("mcSynch_mcExec1", phrasing, RESTART.plusSeconds(3)), Messages.english()))
                .isInstanceOf(Diagnoser.Triage.NeedsRestartTime.class);
    }

    @Test
    void journalExportInLocalTime_isDiagnosedAsTheArticlesCase() throws Exception {
        Notification notification = new NotificationReader(10_000, Clock.systemUTC(), null, null, WorkflowNames.DEFAULT).readings(new ObjectMapper().readTree("""
                {"workflow": "mcSynch_mcExec1", "timeZone": "Europe/Paris", "logs": [
                  {"logDate": "2024-06-13 06:00:01", "logType": 2, "message": "Workflow 'mcSynch_mcExec1' is being run"},
                  {"logDate": "2024-06-13 06:00:03", "logType": 0,
                   "message": "Empty return for method 'Logon' of service 'xtk:session'."}
                ]}
                """)).get(0);

        Diagnosis diagnosis = decide(notification, NOT_CONFIGURED, PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(diagnosis.instance()).isEqualTo("mcExec1");
        assertThat(diagnosis.failedAt()).isEqualTo(Instant.parse("2024-06-13T04:00:03Z"));
        assertThat(diagnosis.restartAt()).isEqualTo(RESTART);
        assertThat(diagnosis.recommendation().schedulerStart()).isEqualTo("06:05");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            mcSynch_mcExec1 | XSV-350012 Invalid login or password. Connection denied.                     | wrong login or password (XSV-350012)
            mcSynch_mcExec1 | XSV-350013 The '10.0.0.1' IP address via which...                            | caller IP not allowed by a security zone
            mcSynch_mcExec1 | IOB-090020 Error in SSL library: 'IOB-090013 error:14090086:SSL routines:ssl3_get_server_certificate:certificate verify failed (code 336134278)' | TLS/certificate failure
            mcSynch_mcExec1 | Empty return for method 'Write' of service 'xtk:persist'                      | is not KA-05406's signature
            tracking        | Empty return for method 'Logon' of service 'xtk:session'.                     | is not a Message Center synchronization workflow
            mcSync_mcExec   | Empty return for method 'Logon' of service 'xtk:session'.                     | is not a Message Center synchronization workflow
            """)
    void otherErrorOrOtherWorkflow_isNoMatch_withoutAskingForTheRestart(String workflow, String error, String because) {
        Diagnosis diagnosis = settled(diagnoser.triage(notification(workflow, error, RESTART.plusSeconds(3)), Messages.english()));

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(diagnosis.workflow()).isEqualTo(workflow);
        assertThat(diagnosis.failedAt()).isEqualTo(RESTART.plusSeconds(3));
        assertThat(diagnosis.restartAt()).isNull();
        assertThat(diagnosis.recommendation()).isNull();
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains(because));
    }

    @Test
    void signatureWithoutAFailureTime_isInconclusive_askingForOne() {
        Diagnosis diagnosis = settled(diagnoser.triage(notification("mcSynch_mcExec1", SIGNATURE, null), Messages.english()));

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(diagnosis.knownIssue()).isEqualTo("KA-05406");
        assertThat(diagnosis.failedAt()).isNull();
        assertThat(diagnosis.recommendation()).isNull();
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains("No failure time") && e.contains("failedAt"));
    }

    @Test
    void journalWithoutAnyError_isInconclusive() {
        Diagnosis diagnosis = settled(diagnoser.triage(new Notification("mcSynch_mcExec1", null, "mcExec1", null, null,
                List.of(new JournalEntry(RESTART, Level.INFO, "Workflow 'mcSynch_mcExec1' is being run")), null, null, null, null), Messages.english()));

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains("No error message"));
    }

    @Test
    void signatureFoundInTheJournal_givesTheCandidateItsTime() {
        Instant loggedAt = Instant.parse("2024-06-13T04:00:03.512Z");
        Diagnoser.Triage triage = diagnoser.triage(new Notification("mcSynch_mcExec1", null, "mcExec1", null, null, List.of(
                new JournalEntry(Instant.parse("2024-06-13T04:00:01.044Z"), Level.INFO, "Workflow 'mcSynch_mcExec1' is being run"),
                new JournalEntry(loggedAt, Level.ERROR, SIGNATURE)), null, null, null, null), Messages.english());

        assertThat(triage).asInstanceOf(type(Diagnoser.Triage.NeedsRestartTime.class))
                .extracting(needs -> needs.candidate().failedAt()).isEqualTo(loggedAt);
    }

    @Test
    void signatureRepeatedInTheJournal_isShownAsRecurring() {
        Diagnoser.Triage triage = diagnoser.triage(new Notification("mcSynch_mcExec1", null, "mcExec1", null, null, List.of(
                new JournalEntry(Instant.parse("2024-06-12T04:00:02Z"), Level.ERROR, SIGNATURE),
                new JournalEntry(Instant.parse("2024-06-13T04:00:03Z"), Level.ERROR, SIGNATURE),
                new JournalEntry(Instant.parse("2024-06-13T04:00:03Z"), Level.ERROR, SIGNATURE),
                new JournalEntry(Instant.parse("2024-06-13T05:00:00Z"), Level.INFO, "Workflow 'mcSynch_mcExec1' is being run"),
                new JournalEntry(Instant.parse("2024-06-11T04:00:04Z"), Level.ERROR, SIGNATURE)), null, null, null, null), Messages.english());

        assertThat(triage).asInstanceOf(type(Diagnoser.Triage.NeedsRestartTime.class))
                .satisfies(needs -> assertThat(needs.candidate().evidence()).contains(
                        "The journal shows this error 3 times: 2024-06-11T04:00:04Z, 2024-06-12T04:00:02Z, "
                                + "2024-06-13T04:00:03Z."));
    }

    @Test
    void signatureLoggedOnce_isNotCalledRecurring() {
        Diagnoser.Triage triage = diagnoser.triage(new Notification("mcSynch_mcExec1", null, "mcExec1", null, null, List.of(
                new JournalEntry(Instant.parse("2024-06-13T04:00:03Z"), Level.ERROR, SIGNATURE)), null, null, null, null), Messages.english());

        assertThat(triage).asInstanceOf(type(Diagnoser.Triage.NeedsRestartTime.class))
                .satisfies(needs -> assertThat(needs.candidate().evidence()).noneMatch(e -> e.contains("times")));
    }

    // ---- decide: the failure against the restart

    @ParameterizedTest(name = "failure at restart {0} -> {1}")
    @CsvSource(textBlock = """
            -PT5M,        MATCH,    -5.0
            -PT5M1S,      NO_MATCH, -5.02
            PT0S,         MATCH,     0.0
            PT3S,         MATCH,     0.05
            PT10M,        MATCH,    10.0
            PT10M1S,      NO_MATCH, 10.02
            PT1H,         NO_MATCH, 60.0
            """)
    void failure_matchesFromFiveMinutesBeforeToTenMinutesAfterTheScheduledRestart(Duration fromRestart,
                                                                                  Verdict verdict, double minutes) {
        Diagnosis diagnosis = decide(RESTART.plus(fromRestart), NOT_CONFIGURED, PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(verdict);
        assertThat(diagnosis.restartAt()).isEqualTo(RESTART);
        assertThat(diagnosis.restartSource()).isEqualTo(RestartSource.SCHEDULE);
        assertThat(diagnosis.minutesFromRestart()).isEqualTo(minutes);
        assertThat(diagnosis.recommendation() != null).isEqualTo(verdict == Verdict.MATCH);
    }

    @Test
    void failureTenMinutesAfterRestart_isStillAMatch() {
        Diagnosis diagnosis = decide(RESTART.plus(Duration.ofMinutes(10)), NOT_CONFIGURED, PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(diagnosis.knownIssue()).isEqualTo("KA-05406");
        assertThat(diagnosis.workflow()).isEqualTo("mcSynch_mcExec1");
        assertThat(diagnosis.instance()).isEqualTo("mcExec1");
        assertThat(diagnosis.failedAt()).isEqualTo(Instant.parse("2024-06-13T04:10:00Z"));
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains("10 min 0 s after the restart") && e.contains("inside"));
        assertThat(diagnosis.recommendation().offsetMinutes()).isEqualTo(10);
        assertThat(diagnosis.recommendation().schedulerStart()).isEqualTo("06:10");
    }

    @ParameterizedTest(name = "failure at restart {0} -> +{1} min, {2}")
    @CsvSource(textBlock = """
            -PT4M,    5,  06:05
            PT3S,     5,  06:05
            PT3M,     5,  06:05
            PT3M1S,   10, 06:10
            PT9M,     10, 06:10
            """)
    void offset_isFiveWhenTheFailureIsWithinThreeMinutesAfterTheRestart_elseTen(Duration fromRestart, int offset,
                                                                               String schedulerStart) {
        Recommendation recommendation = decide(RESTART.plus(fromRestart), NOT_CONFIGURED, PARIS)
                .recommendation();

        assertThat(recommendation.offsetMinutes()).isEqualTo(offset);
        assertThat(recommendation.schedulerStart()).isEqualTo(schedulerStart);
        assertThat(recommendation.timeZone()).isEqualTo("Europe/Paris");
    }

    /** A start reported more than 5 min after the failure is too far to compare with, but still ends the outage. */
    @ParameterizedTest(name = "failure +3s, web process started {0} after the restart -> +{1} min, {2}")
    @CsvSource(textBlock = """
            PT41S,    5,  06:05, 2024-06-13T04:00:41Z, HTTP_JSON
            PT3M,     5,  06:05, 2024-06-13T04:03:00Z, HTTP_JSON
            PT3M1S,   10, 06:10, 2024-06-13T04:03:01Z, HTTP_JSON
            PT5M3S,   10, 06:10, 2024-06-13T04:05:03Z, HTTP_JSON
            PT6M,     10, 06:10, 2024-06-13T04:00:00Z, SCHEDULE
            PT9M,     10, 06:10, 2024-06-13T04:00:00Z, SCHEDULE
            """)
    void offset_countsTheReportedProcessStart_asTheLastSignOfUnavailability(Duration started, int offset,
                                                                           String schedulerStart, Instant comparedWith,
                                                                           RestartSource source) {
        Diagnosis diagnosis = decide(RESTART.plusSeconds(3),
                new RestartFetch.Observed(RestartSource.HTTP_JSON, List.of(RESTART.plus(started))), PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(diagnosis.restartAt()).isEqualTo(comparedWith);
        assertThat(diagnosis.restartSource()).isEqualTo(source);
        assertThat(diagnosis.recommendation().offsetMinutes()).isEqualTo(offset);
        assertThat(diagnosis.recommendation().schedulerStart()).isEqualTo(schedulerStart);
    }

    @ParameterizedTest(name = "control zone {0} -> {1}")
    @CsvSource(textBlock = """
            Europe/Paris,     06:05
            America/New_York, 00:05
            UTC,              04:05
            Asia/Tokyo,       13:05
            """)
    void schedulerStart_isGivenInTheControlInstancesZone_evenWhenTheServerIsElsewhere(ZoneId controlZone,
                                                                                     String schedulerStart) {
        Recommendation recommendation = decide(RESTART.plusSeconds(3), NOT_CONFIGURED, controlZone)
                .recommendation();

        assertThat(recommendation.schedulerStart()).isEqualTo(schedulerStart);
        assertThat(recommendation.timeZone()).isEqualTo(controlZone.getId());
        assertThat(recommendation.steps()).anyMatch(s -> s.contains(schedulerStart + " (" + controlZone.getId() + ")"));
        assertThat(recommendation.caveat()).contains("'tracking' workflow");
    }

    @ParameterizedTest(name = "failure {0} (06:00 Paris is {1}) -> {2}")
    @CsvSource(textBlock = """
            2024-03-30T05:00:03Z, 2024-03-30T05:00:00Z, MATCH
            2024-03-31T04:00:03Z, 2024-03-31T04:00:00Z, MATCH
            2024-03-31T05:00:03Z, 2024-03-31T04:00:00Z, NO_MATCH
            2024-10-26T04:00:03Z, 2024-10-26T04:00:00Z, MATCH
            2024-10-27T05:00:03Z, 2024-10-27T05:00:00Z, MATCH
            2024-10-27T04:00:03Z, 2024-10-27T05:00:00Z, NO_MATCH
            """)
    void scheduledRestart_followsTheServersDaylightSavingTime(Instant failedAt, Instant restartAt, Verdict verdict) {
        Diagnosis diagnosis = decide(failedAt, NOT_CONFIGURED, PARIS);

        assertThat(diagnosis.restartAt()).isEqualTo(restartAt);
        assertThat(diagnosis.verdict()).isEqualTo(verdict);
    }

    @Test
    void matchOnTheSpringForwardDay_recommendsTheSameWallClockTime() {
        assertThat(decide(Instant.parse("2024-03-31T04:00:03Z"), NOT_CONFIGURED, PARIS)
                .recommendation().schedulerStart()).isEqualTo("06:05");
    }

    @Test
    void trustworthyRestartApartFromTheFailure_isNoMatch() {
        Instant failedAt = Instant.parse("2024-06-13T09:00:03Z");

        Diagnosis diagnosis = decide(failedAt, new RestartFetch.Observed(RestartSource.MONITOR_XML,
                List.of(Instant.parse("2024-06-13T04:00:41Z"))), PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(diagnosis.restartSource()).isEqualTo(RestartSource.MONITOR_XML);
        assertThat(diagnosis.restartAt()).isEqualTo(Instant.parse("2024-06-13T04:00:41Z"));
        assertThat(diagnosis.minutesFromRestart()).isEqualTo(299.37);
        assertThat(diagnosis.recommendation()).isNull();
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains("outside the window"));
    }

    @Test
    void failingRestartSource_withTheScheduleApartFromTheFailure_isInconclusive() {
        Diagnosis diagnosis = decide(Instant.parse("2024-06-13T09:00:03Z"),
                new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "connect timed out"), PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(diagnosis.restartSource()).isEqualTo(RestartSource.SCHEDULE);
        assertThat(diagnosis.restartAt()).isEqualTo(RESTART);
        assertThat(diagnosis.recommendation()).isNull();
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains("connect timed out"))
                .anyMatch(e -> e.contains("cannot be ruled out"));
    }

    @Test
    void restartSourceReportingOnlyALaterRestart_withTheScheduleApartFromTheFailure_isInconclusive() {
        Diagnosis diagnosis = decide(Instant.parse("2024-06-13T09:00:03Z"), new RestartFetch.Observed(
                RestartSource.HTTP_JSON, List.of(Instant.parse("2024-06-13T14:00:00Z"))), PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(diagnosis.restartSource()).isEqualTo(RestartSource.SCHEDULE);
    }

    @Test
    void failingRestartSource_withTheScheduleAtTheFailure_isStillAMatch() {
        Diagnosis diagnosis = decide(RESTART.plusSeconds(3),
                new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "HTTP 503"), PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(diagnosis.restartSource()).isEqualTo(RestartSource.SCHEDULE);
        assertThat(diagnosis.recommendation().schedulerStart()).isEqualTo("06:05");
    }

    @Test
    void noRestartSourceConfigured_andTheScheduleApartFromTheFailure_isNoMatch() {
        Diagnosis diagnosis = decide(Instant.parse("2024-06-13T09:00:03Z"), NOT_CONFIGURED, PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void oneOffRestartOffTheSchedule_isAMatch_anchoredOnTheObservedRestart_andSaysSo() {
        Instant failedAt = Instant.parse("2024-06-13T10:00:05Z");

        Diagnosis diagnosis = decide(failedAt, new RestartFetch.Observed(RestartSource.HTTP_JSON,
                List.of(Instant.parse("2024-06-13T10:00:30Z"))), PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(diagnosis.recommendation().offsetMinutes()).isEqualTo(5);
        assertThat(diagnosis.recommendation().schedulerStart()).isEqualTo("12:06");
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains("does not match the scheduled processRestartTime"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            SOP-330011 Error while executing the method 'Logon' of service 'xtk:session'.   | detail is missing or cut off
            Empty return for method 'Log…                                                    | detail is missing or cut off
            "Empty return for method 'Logon' of service 'xtk:sess"                           | detail is missing or cut off
            IOB-090007 Network error (send(), errno=111: Connection refused) on Logon of xtk:session | which a restart can also cause
            Risposta vuota per il metodo 'Logon' del servizio 'xtk:session'.                   | phrasing no Adobe source
            Réponse vide pour la méthode 'Logon' du service 'xtk:session'.                    | phrasing no Adobe source
            """)
    void logonFailureWhoseTextCannotProveTheSignature_atTheRestart_isInconclusive_sayingWhy(String error, String why) {
        Diagnosis diagnosis = decide(notification("mcSynch_mcExec1", error, RESTART.plusSeconds(3)),
                new RestartFetch.NotConfigured("no restart URL configured"), PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(diagnosis.recommendation()).isNull();
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains(why));
    }

    @Test
    void logonFailureWithoutItsDetail_clearlyApartFromATrustedRestart_isNoMatch() {
        Diagnosis diagnosis = decide(notification("mcSynch_mcExec1",
                "SOP-330011 Error while executing the method 'Logon' of service 'xtk:session'.", RESTART.plusSeconds(3600)),
                new RestartFetch.NotConfigured("no restart URL configured"), PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.NO_MATCH);
    }

    @Test
    void spaceSeparatedJournal_whoseLatestRunFailedOtherwise_isNoMatch_notTheOlderRunsSignature() {
        Notification notification = new NotificationReader(100, Clock.systemUTC(), null, null, WorkflowNames.DEFAULT).readings(json("""
                {"workflow": "mcSynch_mcExec1", "logs": [
                  "2025-02-03 06:00:01Z error log Empty return for method 'Logon' of service 'xtk:session'.",
                  "2025-02-03 08:00:04Z error log XSV-350008 Session has expired or is invalid. Please reconnect."]}
                """)).get(0);

        Diagnosis diagnosis = settled(diagnoser.triage(notification, Messages.english()));

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(diagnosis.failedAt()).isEqualTo(Instant.parse("2025-02-03T08:00:04Z"));
    }

    @Test
    void givenSignatureWithALaterFailedRunInTheJournal_isNeverAMatch() {
        Notification notification = new Notification("mcSynch_mcExec1", null, "mcExec1", RESTART.plusSeconds(3), SIGNATURE,
                List.of(new JournalEntry(RESTART.plusSeconds(3), JournalEntry.Level.ERROR, SIGNATURE),
                        new JournalEntry(RESTART.plusSeconds(7200), JournalEntry.Level.ERROR, "XSV-350012 Invalid login or password.")),
                null, null, null, null);

        Diagnosis diagnosis = decide(notification, new RestartFetch.NotConfigured("no restart URL configured"), PARIS);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains("later failed run"));
    }

    @Test
    void anotherWorkflowsSignatureInADigest_neverDecidesThisWorkflowsVerdict() {
        Notification notification = new NotificationReader(100, Clock.systemUTC(), null, null, WorkflowNames.DEFAULT).readings(json("""
                {"workflow": "mcSynch_mcExec1", "logs": [
                  "2025-02-03 06:00:01Z error log mcSynch_mcExec2: Empty return for method 'Logon' of service 'xtk:session'.",
                  "2025-02-03 06:00:02Z error log mcSynch_mcExec1: XSV-350013 The '10.0.0.1' IP address via which you connect"]}
                """)).get(0);

        Diagnosis diagnosis = settled(diagnoser.triage(notification, Messages.english()));

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains("names another workflow (mcSynch_mcExec2)"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2024-06-13T04:00:40Z | INCONCLUSIVE | UTC+02:00
            2024-06-13T00:30:40Z | INCONCLUSIVE | UTC+05:30
            2024-06-13T04:27:00Z | NO_MATCH     | at no UTC offset in use
            """)
    void unknownServerZone_isNeverAMatch_andNoMatchOnlyWhenNoOffsetInUseFits(Instant failedAt, Verdict expected, String said) {
        Diagnosis diagnosis = diagnoser.decide(candidate(failedAt), new RestartFetch.NotConfigured("no restart URL configured"),
                RestartSchedule.of(LocalTime.of(6, 0), null), PARIS, WorkflowSchedule.ADOBE_DEFAULT, Messages.english());

        assertThat(diagnosis.verdict()).isEqualTo(expected);
        assertThat(diagnosis.evidence()).anyMatch(e -> e.contains(said));
    }

    private Diagnoser.Candidate candidate(Instant failedAt) {
        Diagnoser.Triage triage = diagnoser.triage(notification("mcSynch_mcExec1", SIGNATURE, failedAt), Messages.english());
        return ((Diagnoser.Triage.NeedsRestartTime) triage).candidate();
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Diagnosis decide(Instant failedAt, RestartFetch fetch, ZoneId controlZone) {
        return decide(notification("mcSynch_mcExec1", SIGNATURE, failedAt), fetch, controlZone);
    }

    private Diagnosis decide(Notification notification, RestartFetch fetch, ZoneId controlZone) {
        Diagnoser.Triage triage = diagnoser.triage(notification, Messages.english());
        assertThat(triage).isInstanceOf(Diagnoser.Triage.NeedsRestartTime.class);
        return diagnoser.decide(((Diagnoser.Triage.NeedsRestartTime) triage).candidate(), fetch, SIX_AM_PARIS,
                controlZone, WorkflowSchedule.ADOBE_DEFAULT, Messages.english());
    }

    private static Diagnosis settled(Diagnoser.Triage triage) {
        assertThat(triage).isInstanceOf(Diagnoser.Triage.Settled.class);
        return ((Diagnoser.Triage.Settled) triage).diagnosis();
    }

    private static Notification notification(String workflow, String error, Instant failedAt) {
        return new Notification(workflow, null, "mcExec1", failedAt, error, List.of(), null, null, null, null);
    }
}
