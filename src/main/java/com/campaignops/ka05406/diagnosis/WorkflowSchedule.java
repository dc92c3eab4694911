package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.LongStream;

/**
 * When the control instance's {@code mcSynch_*} workflow runs: every {@code every} from {@code firstRun},
 * in the control instance's workflow time zone. Adobe's default is hourly at minute 0.
 */
public record WorkflowSchedule(Duration every, LocalTime firstRun) {

    public static final WorkflowSchedule ADOBE_DEFAULT = new WorkflowSchedule(Duration.ofHours(1), LocalTime.MIDNIGHT);

    public WorkflowSchedule {
        if (every.compareTo(Duration.ofMinutes(1)) < 0 || every.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a workflow schedule runs between every minute and once a day");
        }
    }

    public List<LocalTime> runsOfDay() {
        return LongStream.iterate(firstRun.toSecondOfDay() / 60, m -> m < 24 * 60, m -> m + every.toMinutes())
                .mapToObj(m -> LocalTime.ofSecondOfDay(m * 60)).toList();
    }

    /** {@code every 60 min from 00:00}, in the reader's language and clock. */
    public String describe(Messages messages) {
        return messages.get("audit.workflowSchedule", every.toMinutes(), messages.time(firstRun));
    }
}
