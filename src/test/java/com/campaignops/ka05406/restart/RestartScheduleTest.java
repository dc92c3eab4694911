package com.campaignops.ka05406.restart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RestartScheduleTest {

    private static final RestartSchedule SIX_AM_PARIS = new RestartSchedule(LocalTime.of(6, 0), ZoneId.of("Europe/Paris"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            2024-06-13T04:00:03Z, 2024-06-13T04:00:00Z
            2024-06-13T03:56:00Z, 2024-06-13T04:00:00Z
            2024-06-13T15:59:59Z, 2024-06-13T04:00:00Z
            2024-06-13T16:00:01Z, 2024-06-14T04:00:00Z
            2024-06-13T22:30:00Z, 2024-06-14T04:00:00Z
            2024-06-13T23:30:00Z, 2024-06-14T04:00:00Z
            2024-01-13T05:00:03Z, 2024-01-13T05:00:00Z
            2024-01-13T04:00:03Z, 2024-01-13T05:00:00Z
            2024-03-30T05:00:03Z, 2024-03-30T05:00:00Z
            2024-03-31T04:00:03Z, 2024-03-31T04:00:00Z
            2024-03-31T05:00:03Z, 2024-03-31T04:00:00Z
            2024-03-31T00:30:00Z, 2024-03-31T04:00:00Z
            2024-10-26T04:00:03Z, 2024-10-26T04:00:00Z
            2024-10-27T05:00:03Z, 2024-10-27T05:00:00Z
            2024-10-27T04:00:03Z, 2024-10-27T05:00:00Z
            """)
    void nearestRestart_isSixInTheMorningParisTime_withTheOffsetOfThatDay(Instant moment, Instant expected) {
        assertThat(SIX_AM_PARIS.nearestTo(moment)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            2024-06-13T04:00:00Z,     2024-06-13T04:00:00Z
            2024-06-13T04:00:00.001Z, 2024-06-13T04:00:00Z
            2024-06-13T03:59:59.999Z, 2024-06-12T04:00:00Z
            2024-06-13T12:00:00Z,     2024-06-13T04:00:00Z
            2024-06-13T23:00:00Z,     2024-06-13T04:00:00Z
            2024-06-14T01:00:00Z,     2024-06-13T04:00:00Z
            2024-03-31T03:59:00Z,     2024-03-30T05:00:00Z
            2024-10-27T04:30:00Z,     2024-10-26T04:00:00Z
            """)
    void latestRestartAtOrBefore_isNeverInTheFuture(Instant moment, Instant expected) {
        assertThat(SIX_AM_PARIS.latestAtOrBefore(moment)).isEqualTo(expected);
    }

    /**
     * The nearest restart is looked for on the moment's day and the neighbouring day on its side only: it is the
     * same as the nearest of the day before, of and after, ties going to the earlier, through every clock change.
     */
    @Test
    void nearestRestart_isTheNearestOfTheDayBeforeOfAndAfter_atAnyMomentOfTheYear() {
        Random random = new Random(5406);
        for (String zone : List.of("Europe/Paris", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "UTC")) {
            for (LocalTime time : List.of(LocalTime.of(6, 0), LocalTime.of(2, 30), LocalTime.of(0, 0), LocalTime.of(23, 59, 59))) {
                RestartSchedule schedule = new RestartSchedule(time, ZoneId.of(zone));
                for (int i = 0; i < 2_000; i++) {
                    Instant moment = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(random.nextInt(366 * 86_400));
                    LocalDate day = moment.atZone(ZoneId.of(zone)).toLocalDate();
                    Instant expected = null;
                    for (LocalDate d : List.of(day.minusDays(1), day, day.plusDays(1))) {
                        Instant restart = ZonedDateTime.of(d, time, ZoneId.of(zone)).toInstant();
                        if (expected == null || Duration.between(restart, moment).abs()
                                .compareTo(Duration.between(expected, moment).abs()) < 0) {
                            expected = restart;
                        }
                    }
                    assertThat(schedule.nearestTo(moment)).as("%s at %s in %s", time, moment, zone).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void restartTimeWithSeconds_isKeptToTheSecond() {
        RestartSchedule schedule = new RestartSchedule(LocalTime.of(6, 0, 30), ZoneId.of("UTC"));

        assertThat(schedule.nearestTo(Instant.parse("2024-06-13T06:02:00Z"))).isEqualTo(Instant.parse("2024-06-13T06:00:30Z"));
    }

    @Test
    void restartTimeInsideTheSpringForwardGap_happensWhenTheClockJumpsPastIt() {
        // 02:30 did not exist in Paris on 2024-03-31; the restart ran at 03:30 CEST, 01:30Z.
        RestartSchedule schedule = new RestartSchedule(LocalTime.of(2, 30), ZoneId.of("Europe/Paris"));

        assertThat(schedule.nearestTo(Instant.parse("2024-03-31T01:31:00Z"))).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
    }

    @Test
    void schedule_describesItselfAsProcessRestartTimeAndZone() {
        assertThat(SIX_AM_PARIS).hasToString("06:00:00 Europe/Paris");
    }

    @Test
    void serverZoneTakenFromTheNotification_inferred_orFromTheSource_isSaidSo_andAnUnknownOneIsNeverNamed() {
        assertThat(RestartSchedule.of(LocalTime.of(6, 0), null).orNotificationZone(ZoneId.of("Europe/Paris")))
                .hasToString("06:00:00 Europe/Paris (the notification's serverTimeZone)");
        assertThat(RestartSchedule.unknownZone(LocalTime.of(6, 0)).at(ZoneOffset.ofHoursMinutes(5, 30),
                RestartSchedule.ZoneBasis.INFERRED)).hasToString(
                "06:00:00 UTC+05:30, inferred from the journal's recurrence (no server zone is configured)");
        assertThat(RestartSchedule.unknownZone(LocalTime.of(6, 0)).at(ZoneOffset.ofHours(1),
                RestartSchedule.ZoneBasis.RESTART_SOURCE)).hasToString(
                "06:00:00 UTC+01:00 (the offset the restart source writes its times with)");
        assertThat(RestartSchedule.of(LocalTime.of(6, 0), null))
                .hasToString("06:00:00 server time, in a zone that is not configured");
        assertThat(RestartSchedule.of(LocalTime.of(6, 0), null).zoneKnown()).isFalse();
        assertThat(RestartSchedule.of(LocalTime.of(6, 0), ZoneId.of("Asia/Tokyo")).orNotificationZone(ZoneId.of("Europe/Paris")))
                .isEqualTo(new RestartSchedule(LocalTime.of(6, 0), ZoneId.of("Asia/Tokyo")));
    }
}
