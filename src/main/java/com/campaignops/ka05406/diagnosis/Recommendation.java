package com.campaignops.ka05406.diagnosis;

import java.util.List;

/**
 * What to change on the control instance.
 *
 * @param offsetMinutes  how long after the restart the workflow should start: 5 or 10 by default
 * @param schedulerStart the new start time, {@code HH:mm}, in {@code timeZone}
 * @param timeZone       the control instance's workflow time zone
 * @param everyMinutes   the workflow's frequency, which the change keeps (60: hourly)
 * @param steps          the article's steps, filled in for this workflow
 * @param caveat         Adobe's warning about moving the archiving workflow
 */
public record Recommendation(int offsetMinutes, String schedulerStart, String timeZone, int everyMinutes,
                             List<String> steps, String caveat) {

    public Recommendation {
        steps = List.copyOf(steps);
    }
}
