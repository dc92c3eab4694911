package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.campaign.CampaignJournal.Line;
import com.campaignops.ka05406.sweep.Runs.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunsTest {

    private final Runs runs = new Runs(Duration.ofMinutes(10));

    private static Line line(String at, int type, String message) {
        return new Line(Instant.parse(at), type, message);
    }

    @ParameterizedTest(name = "logType {0}: {1} -> error {2}")
    @CsvSource(delimiter = '|', value = {
            "0  | Transactional deliveries synchronized                              | true",
            "2  | Empty return for method 'Logon' of service 'xtk:session'.          | true",
            "-1 | Retour vide pour la méthode 'Logon' du service 'xtk:session'.      | true",
            "1  | SOP-330011 Error while executing the method 'Logon'                | true",
            "-1 | HTTP code 504: an error occurred                                   | true",
            "2  | Error count reset                                                  | false",
            "1  | The workflow took longer than expected                             | false",
            "-1 | Workflow 'mcSynch_mcExec1' is being run                            | false"})
    void errorLines_areToldByLevelAndByText(int logType, String message, boolean error) {
        assertThat(runs.isError(new Line(Instant.EPOCH, logType, message))).isEqualTo(error);
    }

    @Test
    void linesCloseTogether_areOneRun_andAnHourApart_twoRuns() {
        List<Run> grouped = runs.group(List.of(
                line("2024-06-14T05:00:02Z", 2, "Transactional deliveries synchronized"),
                line("2024-06-14T04:00:03.512Z", 0, "Empty return for method 'Logon' of service 'xtk:session'."),
                line("2024-06-14T04:00:01Z", 2, "Workflow 'mcSynch_mcExec1' is being run"),
                line("2024-06-14T05:00:01Z", 2, "Workflow 'mcSynch_mcExec1' is being run")));

        assertThat(grouped).extracting(Run::start)
                .containsExactly(Instant.parse("2024-06-14T04:00:01Z"), Instant.parse("2024-06-14T05:00:01Z"));
        assertThat(grouped).extracting(Run::failed).containsExactly(true, false);
        assertThat(grouped.get(0).signatureAt()).isEqualTo(Instant.parse("2024-06-14T04:00:03.512Z"));
        assertThat(grouped.get(1).signatureAt()).isNull();
    }

    @Test
    void aRunStartLine_startsANewRunEvenMinutesAfterThePreviousOne() {
        List<Run> grouped = runs.group(List.of(
                line("2024-06-14T04:00:01Z", 2, "Workflow 'mcSynch_x' is being run"),
                line("2024-06-14T04:05:01Z", 2, "Workflow 'mcSynch_x' is being run"),
                line("2024-06-14T04:05:09Z", 0, "XSV-350012 Invalid login or password.")));

        assertThat(grouped).hasSize(2);
        assertThat(grouped).extracting(Run::failed).containsExactly(false, true);
    }

    @Test
    void linesFurtherApartThanTheGap_areSeparateRuns() {
        assertThat(runs.group(List.of(line("2024-06-14T04:00:00Z", 2, "a"), line("2024-06-14T04:10:00Z", 2, "b"),
                line("2024-06-14T04:20:01Z", 2, "c")))).hasSize(2);
        assertThat(runs.group(List.of())).isEmpty();
    }
}
