package com.campaignops.ka05406.realistic;

import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evidence the three clocks give, on the issue's own inputs: the server's zone, the zone a time was written in
 * and the control instance's are named for what they are, and the answer says which setting settles what is unknown.
 */
class ThreeClocksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void frenchConsoleCopy_serverZoneUnknown_isInconclusive_namingTheOffsetAndTheSetting_neverParisAsTheServers()
            throws IOException {
        Diagnosis diagnosis = RealisticCase.diagnose(notificationOf("62-console-paris-server-zone-unknown.json"), null);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        String evidence = String.join("\n", diagnosis.evidence());
        assertThat(evidence).contains("if the server runs at UTC+00:00")
                .contains("restart-check.scheduled-restart.server-time-zone")
                .contains("RESTART_CHECK_SCHEDULED_RESTART_SERVER_TIME_ZONE").contains("serverTimeZone")
                .doesNotContain("06:00:00 Europe/Paris").doesNotContain("06:00:00 UTC");
        assertThat(diagnosis.failedAt()).hasToString("2025-10-27T06:01:12Z");
    }

    @Test
    void frenchConsoleCopy_withTheServersZoneInTheNotification_isAMatch_sayingWhereTheZoneCameFrom()
            throws IOException {
        Diagnosis diagnosis = RealisticCase.diagnose(
                notificationOf("64-console-paris-server-utc-in-notification.json"), null);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(diagnosis.evidence()).anySatisfy(e -> assertThat(e).contains("06:00:00 UTC (the notification's serverTimeZone)"));
        assertThat(diagnosis.minutesFromRestart()).isEqualTo(1.2);
    }

    @Test
    void consoleTimeWithoutAnyZone_onTheSignature_isInconclusive_namingTimeZoneAndTheInputSetting() throws IOException {
        Diagnosis diagnosis = RealisticCase.diagnose(notificationOf("59-console-local-no-zone.json"), "UTC");

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(diagnosis.failedAt()).as("an unplaced time is no instant").isNull();
        assertThat(String.join("\n", diagnosis.evidence())).contains("'27/10/2025 07:01:12' is written without a UTC offset")
                .contains("timeZone").contains("RESTART_CHECK_INPUT_TIME_ZONE");
    }

    @Test
    void consoleTimeWithoutAnyZone_onAnotherWorkflowsError_isNoMatch_forTheReasonTheTimeCannotChange()
            throws IOException {
        Diagnosis diagnosis = RealisticCase.diagnose(notificationOf("65-us-console-curl-other-workflow-no-zone.json"),
                null);

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.NO_MATCH);
        assertThat(diagnosis.failedAt()).isNull();
        assertThat(diagnosis.evidence()).anySatisfy(e -> assertThat(e).contains("fileTransfer"))
                .noneSatisfy(e -> assertThat(e).contains("2024-06-14T14:17:09Z"));
    }

    private static JsonNode notificationOf(String file) throws IOException {
        return JSON.readTree(Files.readString(Path.of("src/test/resources/realistic", file))).get("notification");
    }
}
