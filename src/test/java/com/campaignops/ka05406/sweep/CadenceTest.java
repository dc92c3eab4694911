package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.messages.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CadenceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** {@code count} starts every {@code everyMinutes} from {@code first} (UTC), a few seconds late each. */
    private static List<Instant> starts(String first, int everyMinutes, int count) {
        List<Instant> starts = new ArrayList<>();
        Instant t = Instant.parse(first);
        for (int i = 0; i < count; i++) {
            starts.add(t.plusSeconds(1 + i % 7));
            t = t.plus(Duration.ofMinutes(everyMinutes));
        }
        return starts;
    }

    @ParameterizedTest(name = "{0} every {1} min, {2} runs -> {3}")
    @CsvSource(delimiter = '|', value = {
            "2024-06-13T00:00:00Z | 60  | 31  | every 60 min at :00, from 31 runs      | 00:00",
            "2024-06-13T00:05:00Z | 60  | 24  | every 60 min at :05, from 24 runs      | 00:05",
            "2024-06-13T00:10:00Z | 30  | 10  | every 30 min from 00:10, from 10 runs  | 00:10",
            "2024-06-13T04:15:00Z | 240 | 12  | every 240 min from 02:15, from 12 runs | 02:15",
            "2024-06-13T00:00:00Z | 15  | 3   | every 15 min from 00:00, from 3 runs   | 00:00"})
    void regularStarts_giveTheirIntervalAndMinute_inTheControlZone(String first, int every, int count,
                                                                   String description, String firstRun) {
        Cadence cadence = Cadence.infer(starts(first, every, count), PARIS, Messages.english()).orElseThrow();

        assertThat(cadence.description()).isEqualTo(description);
        assertThat(cadence.everyMinutes()).isEqualTo(every);
        assertThat(cadence.firstRun()).isEqualTo(firstRun);
        assertThat(cadence.toSchedule().firstRun()).isEqualTo(LocalTime.parse(firstRun));
    }

    @Test
    void aPauseOfSomeHours_doesNotChangeTheCadence() {
        List<Instant> starts = new ArrayList<>(starts("2024-06-13T00:00:00Z", 60, 6));
        starts.addAll(starts("2024-06-13T11:00:00Z", 60, 6));

        assertThat(Cadence.infer(starts, ZoneId.of("UTC"), Messages.english()).orElseThrow().description())
                .isEqualTo("every 60 min at :00, from 12 runs");
    }

    @Test
    void tooFewOrIrregularStarts_giveNoCadence() {
        assertThat(Cadence.infer(starts("2024-06-13T00:00:00Z", 60, 2), PARIS, Messages.english())).isEmpty();
        assertThat(Cadence.infer(List.of(Instant.parse("2024-06-13T00:00:00Z"), Instant.parse("2024-06-13T00:07:00Z"),
                Instant.parse("2024-06-13T01:00:00Z"), Instant.parse("2024-06-13T03:31:00Z"),
                Instant.parse("2024-06-13T03:40:00Z")), PARIS, Messages.english())).isEmpty();
    }
}
