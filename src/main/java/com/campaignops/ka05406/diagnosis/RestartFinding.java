package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;

import java.time.Instant;
import java.util.Collections;

/**
 * The restart a failure is compared with, picked from what the source said and the schedule.
 *
 * @param restartAt  when it happened (observed) or was due (scheduled)
 * @param canRuleOut whether a restart apart from the failure proves there was none at the failure: false when
 *                   the schedule stands in for a source that failed
 * @param note       how it was obtained, and why a fallback was used, if one was
 */
public record RestartFinding(Instant restartAt, RestartSource source, boolean canRuleOut, String note) {

    /** @param messages the reader's language, for the finding's note (the source's own reason is quoted as is) */
    public static RestartFinding of(DiagnosisRules rules, Instant failedAt, RestartFetch fetch,
                                    RestartSchedule schedule, Messages messages) {
        String note;
        if (fetch instanceof RestartFetch.Observed observed && !observed.restarts().isEmpty()) {
            Instant nearest = RestartSchedule.nearest(observed.restarts(), failedAt);
            Instant earliest = Collections.min(observed.restarts());
            if (rules.coincides(failedAt, nearest) || !earliest.isAfter(failedAt)) {
                return new RestartFinding(nearest, observed.source(), true, messages.get("restart.observed",
                        observed.source(), nearest, observed.restarts().size()));
            }
            // Every reported restart is after the failure: the source only remembers the latest one,
            // so it cannot tell whether the server also restarted when the workflow failed.
            note = messages.get("restart.onlyAfter", observed.source(), earliest, schedule.describe(messages));
        } else if (fetch instanceof RestartFetch.Observed observed) {
            note = messages.get("restart.noneListed", observed.source(), schedule.describe(messages));
        } else if (fetch instanceof RestartFetch.Unavailable unavailable) {
            note = messages.get("restart.unavailable", unavailable.source(), unavailable.reason(),
                    schedule.describe(messages));
        } else {
            return new RestartFinding(schedule.nearestTo(failedAt), RestartSource.SCHEDULE, true, messages.get(
                    "restart.notConfigured", ((RestartFetch.NotConfigured) fetch).reason(messages),
                    schedule.describe(messages)));
        }
        // The schedule stands in for a source that failed: it cannot rule out a restart at the failure.
        return new RestartFinding(schedule.nearestTo(failedAt), RestartSource.SCHEDULE, false, note);
    }
}
