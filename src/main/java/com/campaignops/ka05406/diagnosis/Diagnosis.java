package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.restart.RestartSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer: is this failure known issue KA-05406, on what evidence, and what to do about it.
 *
 * @param failedAt           the failure, UTC; {@code null} when no time was given or found
 * @param restartAt          the restart compared with, UTC; {@code null} when none was needed
 * @param minutesFromRestart failure minus restart, in minutes to two decimals (negative: before it)
 * @param recommendation     only for a {@link Verdict#MATCH}
 * @param language           the BCP 47 tag of the language the sentences are in ({@code en}, {@code fr}, {@code en-US})
 */
public record Diagnosis(String knownIssue, Verdict verdict, String workflow, String instance, Instant failedAt,
                        Instant restartAt, RestartSource restartSource, Double minutesFromRestart,
                        List<String> evidence, Recommendation recommendation, String language) {

    public static final String KNOWN_ISSUE = "KA-05406";

    public Diagnosis {
        evidence = List.copyOf(evidence);
    }

    /**
     * One answer from the two readings of a notification whose numeric dates read either way round
     * ({@code 03/04/2025}): the same verdict either way stands; different verdicts make it INCONCLUSIVE, naming both.
     *
     * @param messages the language both readings were diagnosed in
     */
    public static Diagnosis ofBothReadings(Diagnosis dayFirst, Diagnosis monthFirst, Messages messages) {
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
