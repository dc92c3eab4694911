package com.campaignops.ka05406.diagnosis;

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

    public RestartFinding resolve(Instant failedAt, RestartFetch fetch, RestartSchedule schedule) {
        if (fetch instanceof RestartFetch.Observed observed) {
            return fromObserved(failedAt, observed, schedule);
        }
        if (fetch instanceof RestartFetch.Unavailable unavailable) {
            return fallback(failedAt, schedule, "The " + unavailable.source() + " restart source gave no usable answer ("
                    + unavailable.reason() + "): fell back to the scheduled restart (processRestartTime " + schedule + ").");
        }
        return new RestartFinding(schedule.nearestTo(failedAt), RestartSource.SCHEDULE, true,
                ((RestartFetch.NotConfigured) fetch).reason() + ": used the scheduled restart (processRestartTime "
                        + schedule + ").");
    }

    private RestartFinding fromObserved(Instant failedAt, RestartFetch.Observed observed, RestartSchedule schedule) {
        if (observed.restarts().isEmpty()) {
            return fallback(failedAt, schedule, "The " + observed.source() + " restart source listed no restart: "
                    + "fell back to the scheduled restart (processRestartTime " + schedule + ").");
        }
        Instant nearest = Distance.nearest(observed.restarts(), failedAt);
        boolean historyReachesFailure = observed.restarts().stream().anyMatch(r -> !r.isAfter(failedAt));
        if (rules.coincides(failedAt, nearest) || historyReachesFailure) {
            return new RestartFinding(nearest, observed.source(), true,
                    "The " + observed.source() + " restart source reported the web process starting at " + nearest
                            + " (nearest of " + observed.restarts().size() + " reported).");
        }
        // Every reported restart is after the failure: the source only remembers the latest one,
        // so it cannot tell whether the server also restarted when the workflow failed.
        Instant earliest = observed.restarts().stream().min(Comparator.naturalOrder()).orElseThrow();
        return fallback(failedAt, schedule, "The " + observed.source() + " restart source only reports restarts after "
                + "the failure (earliest " + earliest + "), which cannot rule out an earlier one: used the "
                + "scheduled restart (processRestartTime " + schedule + ").");
    }

    private static RestartFinding fallback(Instant failedAt, RestartSchedule schedule, String note) {
        return new RestartFinding(schedule.nearestTo(failedAt), RestartSource.SCHEDULE, false, note);
    }
}
