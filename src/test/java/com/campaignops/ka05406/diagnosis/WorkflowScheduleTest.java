package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkflowScheduleTest {

    @Test
    void adobeDefault_runsEveryHourOnTheHour() {
        assertThat(WorkflowSchedule.ADOBE_DEFAULT.runsOfDay())
                .hasSize(24)
                .startsWith(LocalTime.of(0, 0), LocalTime.of(1, 0))
                .contains(LocalTime.of(6, 0))
                .endsWith(LocalTime.of(23, 0));
        assertThat(WorkflowSchedule.ADOBE_DEFAULT.describe(Messages.english())).isEqualTo("every 60 min from 00:00");
    }

    @Test
    void runsOfDay_startAtTheFirstRunAndStopBeforeMidnight() {
        assertThat(new WorkflowSchedule(Duration.ofHours(3), LocalTime.of(0, 5)).runsOfDay()).containsExactly(
                LocalTime.of(0, 5), LocalTime.of(3, 5), LocalTime.of(6, 5), LocalTime.of(9, 5),
                LocalTime.of(12, 5), LocalTime.of(15, 5), LocalTime.of(18, 5), LocalTime.of(21, 5));
    }

    @Test
    void dailySchedule_runsOnce() {
        assertThat(new WorkflowSchedule(Duration.ofDays(1), LocalTime.of(6, 10)).runsOfDay())
                .containsExactly(LocalTime.of(6, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "PT59S", "-PT1H", "P1DT1M"})
    void scheduleFasterThanAMinuteOrSlowerThanADay_isRefused(String every) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkflowSchedule(Duration.parse(every), LocalTime.MIDNIGHT));
    }
}
