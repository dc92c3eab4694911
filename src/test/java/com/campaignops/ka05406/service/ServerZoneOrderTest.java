package com.campaignops.ka05406.service;

import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.TestSettings;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.outbound.Workers;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the server zone comes from, in the documented order: the settings, the offset the restart source writes,
 * the notification's serverTimeZone. A source that only remembers a restart after the failure falls back to the
 * schedule, and the offset it wrote places that schedule.
 */
class ServerZoneOrderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-28T12:00:00Z"), ZoneOffset.UTC);
    /** The failure at 06:01:12 UTC; the source remembers only the next day's restart, written at +01:00. */
    private static final String NOTIFICATION = """
            {"workflow": "mcSynch_rt", "failedAt": "2025-10-27T06:01:12Z", "serverTimeZone": "UTC",
             "error": "Empty return for method 'Logon' of service 'xtk:session'."}""";
    private static final RestartTimeSource WRITES_PLUS_ONE = instance -> new RestartFetch.Observed(
            RestartSource.HTTP_JSON, List.of(Instant.parse("2025-10-28T05:00:02Z")), ZoneOffset.ofHours(1));

    /** Its threads are daemons; these tests fetch on the calling thread anyway. */
    private final Workers workers = new Workers();

    @Test
    void theSourcesOwnOffset_comesBeforeTheNotificationsServerTimeZone() throws Exception {
        Diagnosis diagnosis = service(Map.of(), WRITES_PLUS_ONE)
                .diagnose(new ObjectMapper().readTree(NOTIFICATION), null).answer();

        // At +01:00 the 06:00 restart is 05:00 UTC, an hour before the failure; the schedule only stands in for a
        // source that remembers no restart before the failure, so it cannot rule one out: not the notification's MATCH.
        assertThat(diagnosis.verdict().name()).isEqualTo("INCONCLUSIVE");
        assertThat(diagnosis.restartAt()).isEqualTo(Instant.parse("2025-10-27T05:00:00Z"));
        assertThat(diagnosis.evidence()).anySatisfy(e -> assertThat(e)
                .contains("06:00:00 UTC+01:00 (the offset the restart source writes its times with)"));
    }

    @Test
    void theSettings_comeBeforeBoth() throws Exception {
        Diagnosis diagnosis = service(Map.of("restart-check.scheduled-restart.server-time-zone", "UTC"),
                WRITES_PLUS_ONE).diagnose(new ObjectMapper().readTree(NOTIFICATION), null).answer();

        assertThat(diagnosis.verdict().name()).isEqualTo("MATCH");
    }

    private RestartCheckService service(Map<String, String> settings, RestartTimeSource source) {
        return new RestartCheckService(new InstanceDirectory(TestSettings.of(settings)), source, CLOCK, workers);
    }
}
