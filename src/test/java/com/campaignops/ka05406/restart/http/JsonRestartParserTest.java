package com.campaignops.ka05406.restart.http;

import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart source that writes its local times with their offset fixes the server's zone for its answer. */
class JsonRestartParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void localTimesWrittenWithTheirOffset_giveTheServersOffset_andPlaceAScheduleOfUnknownZone() throws Exception {
        RestartFetch.Observed observed = JsonRestartParser.parse(JSON, fixture("json-local-restarts-with-offset.json"),
                "/restarts");

        assertThat(observed.restarts()).containsExactly(Instant.parse("2025-10-26T05:00:04Z"),
                Instant.parse("2025-10-27T05:00:03Z"));
        assertThat(observed.serverOffset()).isEqualTo(ZoneOffset.ofHours(1));
        RestartSchedule placed = RestartSchedule.unknownZone(LocalTime.of(6, 0)).placedBy(observed);
        assertThat(placed.zoneBasis()).isEqualTo(RestartSchedule.ZoneBasis.RESTART_SOURCE);
        assertThat(placed.serverZone()).isEqualTo(ZoneOffset.ofHours(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Z, which converted times carry too       | {"r": ["2025-10-27T06:00:03Z"]}
            UTC spelled out                          | {"r": ["2025-10-27 06:00:03 UTC"]}
            epoch seconds                            | {"r": [1761544803]}
            two different offsets                    | {"r": ["2025-10-25T06:00:03+02:00", "2025-10-27T06:00:03+01:00"]}
            """)
    void noSingleNumericOffset_saysNothingOfTheServersZone(String why, String body) throws Exception {
        RestartFetch.Observed observed = JsonRestartParser.parse(JSON, body, "/r");

        assertThat(observed.serverOffset()).isNull();
        assertThat(RestartSchedule.unknownZone(LocalTime.of(6, 0)).placedBy(observed).zoneKnown()).isFalse();
    }

    @Test
    void aConfiguredZone_isNeverReplacedByTheSourcesOffset() throws Exception {
        RestartFetch.Observed observed = JsonRestartParser.parse(JSON, fixture("json-local-restarts-with-offset.json"),
                "/restarts");
        RestartSchedule configured = new RestartSchedule(LocalTime.of(6, 0), java.time.ZoneId.of("UTC"));

        assertThat(configured.placedBy(observed)).isEqualTo(configured);
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/restart-sources", name));
    }
}
