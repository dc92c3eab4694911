package com.campaignops.ka05406.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer from the two readings of a notification whose numeric dates read either way round
 * ({@code 03/04/2025}): the same verdict either way stands; different verdicts make it INCONCLUSIVE, naming both.
 */
public final class DateReadings {

    private DateReadings() {
    }

    /** @param dayFirst the day-first reading's diagnosis; {@code monthFirst} the month-first one's */
    public static Diagnosis combine(Diagnosis dayFirst, Diagnosis monthFirst) {
        if (dayFirst.verdict() == monthFirst.verdict()) {
            List<String> evidence = new ArrayList<>(dayFirst.evidence());
            evidence.add("Read month first, the dates give the same verdict (" + monthFirst.verdict()
                    + "); the times above are the day-first reading's.");
            return new Diagnosis(dayFirst.knownIssue(), dayFirst.verdict(), dayFirst.workflow(), dayFirst.instance(),
                    dayFirst.failedAt(), dayFirst.restartAt(), dayFirst.restartSource(), dayFirst.minutesFromRestart(),
                    evidence, dayFirst.recommendation());
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("The dates read either way round and the two readings disagree: read day first, the failure at "
                + dayFirst.failedAt() + " gives " + dayFirst.verdict() + "; read month first, the failure at "
                + monthFirst.failedAt() + " gives " + monthFirst.verdict() + ". Give dateOrder (DMY, MDY or YMD) in "
                + "the notification, or set restart-check.date-order, to settle it.");
        dayFirst.evidence().forEach(e -> evidence.add("Day first: " + e));
        monthFirst.evidence().forEach(e -> evidence.add("Month first: " + e));
        return new Diagnosis(dayFirst.knownIssue(), Verdict.INCONCLUSIVE, dayFirst.workflow(), dayFirst.instance(),
                null, null, null, null, evidence, null);
    }
}
