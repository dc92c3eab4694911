package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * One answer from the two readings of a notification whose numeric dates read either way round
 * ({@code 03/04/2025}): the same verdict either way stands; different verdicts make it INCONCLUSIVE, naming both.
 */
public final class DateReadings {

    private DateReadings() {
    }

    /**
     * @param dayFirst the day-first reading's diagnosis; {@code monthFirst} the month-first one's
     * @param messages the language both readings were diagnosed in
     */
    public static Diagnosis combine(Diagnosis dayFirst, Diagnosis monthFirst, Messages messages) {
        String language = messages.language().tag();
        if (dayFirst.verdict() == monthFirst.verdict()) {
            List<String> evidence = new ArrayList<>(dayFirst.evidence());
            evidence.add(messages.get("dates.same", monthFirst.verdict()));
            return new Diagnosis(dayFirst.knownIssue(), dayFirst.verdict(), dayFirst.workflow(), dayFirst.instance(),
                    dayFirst.failedAt(), dayFirst.restartAt(), dayFirst.restartSource(), dayFirst.minutesFromRestart(),
                    evidence, dayFirst.recommendation(), language);
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(messages.get("dates.disagree", dayFirst.failedAt(), dayFirst.verdict(), monthFirst.failedAt(),
                monthFirst.verdict()));
        dayFirst.evidence().forEach(e -> evidence.add(messages.get("dates.dayFirst", e)));
        monthFirst.evidence().forEach(e -> evidence.add(messages.get("dates.monthFirst", e)));
        return new Diagnosis(dayFirst.knownIssue(), Verdict.INCONCLUSIVE, dayFirst.workflow(), dayFirst.instance(),
                null, null, null, null, evidence, null, language);
    }
}
