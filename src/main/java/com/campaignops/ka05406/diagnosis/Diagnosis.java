package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.restart.RestartSource;

import java.time.Instant;
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
}
