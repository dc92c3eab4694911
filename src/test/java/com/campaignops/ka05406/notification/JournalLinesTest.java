package com.campaignops.ka05406.notification;

import com.campaignops.ka05406.notification.JournalEntry.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import com.campaignops.ka05406.time.DateOrder;

import static org.assertj.core.api.Assertions.assertThat;

class JournalLinesTest {

    private static final String SIGNATURE = "Empty return for method 'Logon' of service 'xtk:session'.";

    @ParameterizedTest(name = "level column {0}")
    @CsvSource(textBlock = """
            error,   ERROR
            warning, WARNING
            info,    INFO
            """)
    void nlserverLogLine_givesItsTimeLevelAndMessage(String levelColumn, Level expected) {
        String line = "2024-06-13T04:00:03.512Z\t41233\t41260\t1\t" + levelColumn + "\tlog\t" + SIGNATURE;

        JournalEntry entry = parse(line, null);

        assertThat(entry).isEqualTo(new JournalEntry(Instant.parse("2024-06-13T04:00:03.512Z"), expected, SIGNATURE));
    }

    @Test
    void nlserverLogLine_neverTakesItsLevelFromTheNumericColumnsOrTheMessage() {
        // The third column is "1" (logType 1 is a warning in exports) and the message starts with "error".
        String line = "2024-06-13T04:00:03.512Z\t2\t0\t1\tinfo\tlog\terror while evaluating script";

        JournalEntry entry = parse(line, null);

        assertThat(entry.level()).isEqualTo(Level.INFO);
        assertThat(entry.message()).isEqualTo("error while evaluating script");
    }

    @Test
    void consoleLineWithoutTabs_keepsTimeAndMessage_butHasNoLevel() {
        JournalEntry entry = parse("2024-06-13 04:00:03.512Z " + SIGNATURE, null);

        assertThat(entry).isEqualTo(new JournalEntry(Instant.parse("2024-06-13T04:00:03.512Z"), Level.UNKNOWN,
                SIGNATURE));
    }

    @Test
    void localTimeOfAConsoleLine_isReadInTheCallersZone() {
        JournalEntry entry = parse("2024-06-13 06:00:03 " + SIGNATURE, ZoneId.of("Europe/Paris"));

        assertThat(entry.loggedAt()).isEqualTo(Instant.parse("2024-06-13T04:00:03Z"));
        assertThat(entry.message()).isEqualTo(SIGNATURE);
    }

    @Test
    void localTimeWithoutAZone_isReadAsWrittenWithoutAnOffset_forTheReaderToPlace() {
        JournalLines.Parsed parsed = JournalLines.parse("2024-06-13 06:00:03 " + SIGNATURE);

        assertThat(parsed.time().offset()).isNull();
        assertThat(parsed.time().local()).isEqualTo(LocalDateTime.parse("2024-06-13T06:00:03"));
        assertThat(parsed.message()).isEqualTo(SIGNATURE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Empty return for method 'Logon' of service 'xtk:session'.
            "  Workflow 'mcSynch_mcExec1' is being run  "
            2024-06-13T04:00:03.512Zbogus text
            """)
    void lineWithoutALeadingTimestamp_isKeptAsABareMessage(String line) {
        JournalEntry entry = parse(line, ZoneId.of("UTC"));

        assertThat(entry).isEqualTo(new JournalEntry(null, Level.UNKNOWN, line.strip()));
    }

    @ParameterizedTest(name = "logType {0} -> {1}")
    @CsvSource(textBlock = """
            0,        ERROR
            1,        WARNING
            2,        INFO
            ' 0 ',    ERROR
            Error,    ERROR
            WARN,     WARNING
            Info,     INFO
            3,        UNKNOWN
            -1,       UNKNOWN
            '',       UNKNOWN
            """)
    void logTypeOfAJournalExport_namesTheLevel(String logType, Level expected) {
        assertThat(JournalLines.levelOf(logType)).isEqualTo(expected);
    }

    @Test
    void digestLineNamingItsWorkflowBeforeTheTime_keepsTheTimeTheLevelAndTheNameInTheMessage() {
        JournalEntry entry = parse("mcSynch_mcExec2 2025-02-03 06:00:01Z error " + SIGNATURE, null);

        assertThat(entry).isEqualTo(new JournalEntry(Instant.parse("2025-02-03T06:00:01Z"), Level.ERROR,
                "mcSynch_mcExec2 " + SIGNATURE));
    }

    @Test
    void headerWordBeforeATime_doesNotLendTheLineATime() {
        assertThat(parse("Date: 02/09/2025 6:04:31 AM", null).loggedAt()).isNull();
    }

    /** A line as the reader turns it into an entry, its date order settled day first. */
    private static JournalEntry parse(String line, ZoneId zone) {
        JournalLines.Parsed parsed = JournalLines.parse(line);
        return new JournalEntry(parsed.time() == null ? null : parsed.time().instant(DateOrder.DMY, zone),
                parsed.level(), parsed.message());
    }
}
