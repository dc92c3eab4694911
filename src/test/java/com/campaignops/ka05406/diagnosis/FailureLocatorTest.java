package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.JournalEntry;
import com.campaignops.ka05406.notification.JournalEntry.Level;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.signature.LogonSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FailureLocatorTest {

    private static final String SIGNATURE = "Empty return for method 'Logon' of service 'xtk:session'.";
    private static final Instant AT_RESTART = Instant.parse("2024-06-13T04:00:03.512Z");
    private static final Instant AN_HOUR_LATER = Instant.parse("2024-06-13T05:00:02Z");

    private final FailureLocator locator = new FailureLocator(new WorkflowPattern(List.of("mcSynch_*")));

    @Test
    void errorAndTimeGiven_areTakenAsGiven_evenWithLogs() {
        FailureLocator.Located located = locator.locate(notification(SIGNATURE, AT_RESTART,
                entry(AN_HOUR_LATER, Level.ERROR, SIGNATURE)), Messages.english());

        assertThat(located).usingRecursiveComparison().ignoringFields("signatureTimes", "recognition").isEqualTo(located(SIGNATURE, AT_RESTART, null));
    }

    @Test
    void errorWithoutTimeOrLogs_hasNoFailureTime() {
        assertThat(locator.locate(notification(SIGNATURE, null), Messages.english()))
                .usingRecursiveComparison().ignoringFields("signatureTimes", "recognition").isEqualTo(located(SIGNATURE, null, null));
    }

    @Test
    void errorWithoutTime_takesTheTimeOfTheJournalLineThatCarriesIt_evenWrittenDifferently() {
        FailureLocator.Located located = locator.locate(notification(SIGNATURE, null,
                entry(Instant.parse("2024-06-13T04:00:01Z"), Level.INFO, "Workflow 'mcSynch_mcExec1' is being run"),
                entry(AT_RESTART, Level.ERROR, "SOP-330011 Empty return for method &#39;Logon&#39; of service &#39;xtk:session&#39;"),
                entry(AN_HOUR_LATER, Level.INFO, "Workflow 'mcSynch_mcExec1' is being run")), Messages.english());

        assertThat(located.error()).isEqualTo(SIGNATURE);
        assertThat(located.failedAt()).isEqualTo(AT_RESTART);
        assertThat(located.origin()).contains("journal", AT_RESTART.toString());
    }

    @Test
    void errorWithoutTime_takesTheLatestJournalLineThatCarriesIt_whateverTheOrderSent() {
        Instant yesterday = AT_RESTART.minusSeconds(86_400);

        FailureLocator.Located located = locator.locate(notification("XSV-350012 Invalid login or password.", null,
                entry(AT_RESTART, Level.ERROR, "XSV-350012 Invalid login or password. Connection denied."),
                entry(yesterday, Level.ERROR, "XSV-350012 Invalid login or password. Connection denied.")),
                Messages.english());

        assertThat(located.failedAt()).isEqualTo(AT_RESTART);
    }

    @Test
    void errorWithoutTime_borrowsNoTimeFromUnrelatedOrBlankJournalLines() {
        FailureLocator.Located located = locator.locate(notification(SIGNATURE, null,
                entry(AT_RESTART, Level.INFO, "Workflow 'mcSynch_mcExec1' is being run"),
                entry(AN_HOUR_LATER, Level.INFO, "")), Messages.english());

        assertThat(located).usingRecursiveComparison().ignoringFields("signatureTimes", "recognition").isEqualTo(located(SIGNATURE, null, null));
    }

    @Test
    void noErrorGiven_takesTheSignatureFromTheJournal_withItsTime() {
        FailureLocator.Located located = locator.locate(notification(null, null,
                entry(Instant.parse("2024-06-13T04:00:01Z"), Level.INFO, "Workflow 'mcSynch_mcExec1' is being run"),
                entry(AT_RESTART, Level.UNKNOWN, SIGNATURE)), Messages.english());

        assertThat(located.error()).isEqualTo(SIGNATURE);
        assertThat(located.failedAt()).isEqualTo(AT_RESTART);
        assertThat(located.origin()).startsWith("Error taken from the journal");
    }

    @Test
    void noErrorGiven_andNoSignatureInTheJournal_takesTheLatestErrorLine() {
        FailureLocator.Located located = locator.locate(notification(null, null,
                entry(AN_HOUR_LATER, Level.ERROR, "XSV-350012 Invalid login or password. Connection denied."),
                entry(AT_RESTART, Level.ERROR, "SOP-330011 Error while executing the method 'Logon'"),
                entry(AN_HOUR_LATER.plusSeconds(1), Level.INFO, "Workflow finished")), Messages.english());

        assertThat(located.error()).isEqualTo("XSV-350012 Invalid login or password. Connection denied.");
        assertThat(located.failedAt()).isEqualTo(AN_HOUR_LATER);
    }

    @Test
    void noErrorGiven_theLogonErrorWinsOverTheScriptErrorsItCausesInTheSameRun() {
        FailureLocator.Located located = locator.locate(notification(null, null,
                entry(AT_RESTART, Level.ERROR, SIGNATURE),
                entry(AT_RESTART.plusSeconds(1), Level.ERROR,
                        "JST-310000 Error while compiling script 'mcSynch_mcExec1/js' line 12 (iRc=-53)")),
                        Messages.english());

        assertThat(located.error()).isEqualTo(SIGNATURE);
        assertThat(located.failedAt()).isEqualTo(AT_RESTART);
    }

    @Test
    void noErrorGiven_anOlderRunsLogonErrorDoesNotSpeakForALaterFailure() {
        FailureLocator.Located located = locator.locate(notification(null, null,
                entry(AT_RESTART, Level.ERROR, SIGNATURE),
                entry(AN_HOUR_LATER, Level.ERROR, "XSV-350012 Invalid login or password. Connection denied.")),
                Messages.english());

        assertThat(located.error()).isEqualTo("XSV-350012 Invalid login or password. Connection denied.");
        assertThat(located.failedAt()).isEqualTo(AN_HOUR_LATER);
    }

    @Test
    void noErrorGiven_butFailedAtGiven_takesTheErrorOfThatRun() {
        FailureLocator.Located located = locator.locate(notification(null, AT_RESTART,
                entry(AT_RESTART.plusSeconds(3), Level.ERROR, SIGNATURE),
                entry(AN_HOUR_LATER, Level.ERROR, "XSV-350012 Invalid login or password. Connection denied.")),
                Messages.english());

        assertThat(located.error()).isEqualTo(SIGNATURE);
        assertThat(located.failedAt()).isEqualTo(AT_RESTART);
    }

    @Test
    void noErrorGiven_butFailedAtGiven_anErrorOfAnotherRunDoesNotSpeakForIt() {
        FailureLocator.Located located = locator.locate(notification(null, AT_RESTART,
                entry(AN_HOUR_LATER, Level.ERROR, SIGNATURE)), Messages.english());

        assertThat(located.error()).isNull();
        assertThat(located.failedAt()).isEqualTo(AT_RESTART);
    }

    @Test
    void noErrorGiven_butFailedAtGiven_untimedLinesAreTakenAsThisRunsExcerpt() {
        FailureLocator.Located located = locator.locate(notification(null, AT_RESTART,
                entry(null, Level.ERROR, SIGNATURE)), Messages.english());

        assertThat(located.error()).isEqualTo(SIGNATURE);
        assertThat(located.failedAt()).isEqualTo(AT_RESTART);
    }

    @Test
    void noErrorGiven_untimedJournal_givesTheLastErrorSentAndNoTime() {
        FailureLocator.Located located = locator.locate(notification(null, null,
                entry(null, Level.ERROR, "first"), entry(null, Level.ERROR, "second"),
                entry(null, Level.INFO, "third")), Messages.english());

        assertThat(located.error()).isEqualTo("second");
        assertThat(located.failedAt()).isNull();
        assertThat(located.origin()).isEqualTo("Error taken from the journal.");
    }

    @Test
    void noErrorAnywhere_isNoError() {
        FailureLocator.Located located = locator.locate(notification(null, AT_RESTART,
                entry(AT_RESTART, Level.INFO, "Workflow 'mcSynch_mcExec1' is being run")), Messages.english());

        assertThat(located).usingRecursiveComparison().ignoringFields("signatureTimes", "recognition").isEqualTo(located(null, AT_RESTART, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorsAndJournals")
    void theErrorsRecognition_isWhatReadingTheErrorAloneGives(String what, Notification notification) {
        FailureLocator.Located located = locator.locate(notification, Messages.english());

        assertThat(located.recognition()).isEqualTo(new LogonSignature().recognise(located.error()));
    }

    static Stream<Arguments> errorsAndJournals() {
        JournalEntry signatureLine = entry(AT_RESTART, Level.ERROR, SIGNATURE);
        JournalEntry withRefusal = entry(AT_RESTART, Level.ERROR, SIGNATURE + " IOB-090007 Connection refused");
        JournalEntry expired = entry(AN_HOUR_LATER, Level.ERROR, "XSV-350008 Session has expired or is invalid.");
        return Stream.of(
                Arguments.of("given, also in the journal", notification(SIGNATURE, AT_RESTART, signatureLine)),
                Arguments.of("given, not in the journal", notification(SIGNATURE, AT_RESTART)),
                Arguments.of("from the journal", notification(null, null, signatureLine)),
                Arguments.of("from the journal, naming a harmless neighbour", notification(null, null, withRefusal)),
                Arguments.of("another cause from the journal", notification(null, null, expired)),
                Arguments.of("given, another cause than the journal's", notification("XSV-350012 Invalid login or "
                        + "password.", AT_RESTART, signatureLine)),
                Arguments.of("none", notification(null, AT_RESTART)));
    }

    private static FailureLocator.Located located(String error, Instant failedAt, String origin) {
        return new FailureLocator.Located(error, failedAt, origin, List.of(), null, new TreeSet<>(), null);
    }

    private static Notification notification(String error, Instant failedAt, JournalEntry... logs) {
        return new Notification("mcSynch_mcExec1", null, "mcExec1", failedAt, error, List.of(logs), null, null, null, null);
    }

    private static JournalEntry entry(Instant at, Level level, String message) {
        return new JournalEntry(at, level, message);
    }
}
