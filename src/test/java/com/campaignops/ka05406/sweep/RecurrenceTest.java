package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.restart.RestartSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecurrenceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final RestartSchedule SIX_PARIS = new RestartSchedule(LocalTime.of(6, 0), PARIS);

    private static List<Instant> at(String... times) {
        return java.util.Arrays.stream(times).map(Instant::parse).toList();
    }

    @Test
    void failuresAtEachDaysRestart_countOncePerDay_withTheirLocalTimes() {
        Recurrence r = Recurrence.of(at("2024-06-09T04:00:03Z", "2024-06-10T04:00:03Z", "2024-06-10T04:00:09Z",
                "2024-06-11T04:02:00Z", "2024-06-12T04:00:03Z", "2024-06-14T04:00:03Z"), 7, SIX_PARIS,
                DiagnosisRules.DEFAULT, PARIS, Messages.english());

        assertThat(r.daysAtRestart()).isEqualTo(5);
        assertThat(r.daysWithSignature()).isEqualTo(5);
        assertThat(r.localTimes()).containsExactly("06:00", "06:02");
        assertThat(r.summary()).startsWith("Failed with the signature at 06:00, 06:02 (Europe/Paris) on 5 of the last 7 days");
    }

    @Test
    void failuresAwayFromTheRestart_areNotCountedAsAtTheRestart() {
        Recurrence r = Recurrence.of(at("2024-06-09T14:00:03Z", "2024-06-10T03:40:00Z"), 7, SIX_PARIS,
                DiagnosisRules.DEFAULT, PARIS, Messages.english());

        assertThat(r.daysAtRestart()).isZero();
        assertThat(r.daysWithSignature()).isEqualTo(2);
        assertThat(r.summary()).startsWith("Failed with the signature on 2 of the last 7 days, never within");
        assertThat(Recurrence.of(List.of(), 7, SIX_PARIS, DiagnosisRules.DEFAULT, PARIS, Messages.english()).summary())
                .isEqualTo("No failure with the signature in the last 7 days.");
    }

    @Test
    void sameTimeOfDay_isCountedAcrossDays_andAcrossMidnight() {
        List<Instant> times = at("2024-06-09T21:59:00Z", "2024-06-10T22:01:00Z", "2024-06-11T22:00:30Z",
                "2024-06-12T13:00:00Z");

        assertThat(Recurrence.daysAtSameTimeOfDay(times, Instant.parse("2024-06-13T22:00:00Z"), Duration.ofMinutes(10),
                ZoneId.of("UTC"))).isEqualTo(3);
    }
}
