package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.time.Distance;

import java.time.Instant;
import java.util.Comparator;

/** Picks the restart to compare a failure with, from what the source said and the schedule. */
public final class RestartResolver {

    private final DiagnosisRules rules;

    public RestartResolver(DiagnosisRules rules) {
        this.rules = rules;
    }

    /** @param messages the reader's language, for the finding's note (the source's own reason is quoted as is) */
    public RestartFinding resolve(Instant failedAt, RestartFetch fetch, RestartSchedule schedule, Messages messages) {
        if (fetch instanceof RestartFetch.Observed observed) {
            return fromObserved(failedAt, observed, schedule, messages);
        }
        String scheduled = schedule.describe(messages);
        if (fetch instanceof RestartFetch.Unavailable unavailable) {
            return fallback(failedAt, schedule, messages.get("restart.unavailable", unavailable.source(),
                    unavailable.reason(), scheduled));
        }
        return new RestartFinding(schedule.nearestTo(failedAt), RestartSource.SCHEDULE, true,
                messages.get("restart.notConfigured", ((RestartFetch.NotConfigured) fetch).reason(messages), scheduled));
    }

    private RestartFinding fromObserved(Instant failedAt, RestartFetch.Observed observed, RestartSchedule schedule,
                                        Messages messages) {
        if (observed.restarts().isEmpty()) {
            return fallback(failedAt, schedule, messages.get("restart.noneListed", observed.source(),
                    schedule.describe(messages)));
        }
        Instant nearest = Distance.nearest(observed.restarts(), failedAt);
        boolean historyReachesFailure = false;
        for (Instant restart : observed.restarts()) {
            historyReachesFailure |= !restart.isAfter(failedAt);
        }
        if (rules.coincides(failedAt, nearest) || historyReachesFailure) {
            return new RestartFinding(nearest, observed.source(), true, messages.get("restart.observed",
                    observed.source(), nearest, observed.restarts().size()));
        }
        // Every reported restart is after the failure: the source only remembers the latest one,
        // so it cannot tell whether the server also restarted when the workflow failed.
        Instant earliest = observed.restarts().stream().min(Comparator.naturalOrder()).orElseThrow();
        return fallback(failedAt, schedule, messages.get("restart.onlyAfter", observed.source(), earliest,
                schedule.describe(messages)));
    }

    private static RestartFinding fallback(Instant failedAt, RestartSchedule schedule, String note) {
        return new RestartFinding(schedule.nearestTo(failedAt), RestartSource.SCHEDULE, false, note);
    }
}
