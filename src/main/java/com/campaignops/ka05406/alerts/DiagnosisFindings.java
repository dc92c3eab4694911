package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Verdict;

import java.util.List;

/** An on-demand verdict (webhook, direct, SNS…): only a MATCH is a finding. */
final class DiagnosisFindings {

    private DiagnosisFindings() {
    }

    static List<Finding> of(Diagnosis diagnosis) {
        if (diagnosis.verdict() != Verdict.MATCH) {
            return List.of();
        }
        String zone = diagnosis.recommendation() != null && diagnosis.recommendation().timeZone() != null
                ? diagnosis.recommendation().timeZone() : "UTC";
        return List.of(new Finding(Finding.Kind.MATCH, diagnosis.workflow(), diagnosis.instance(), diagnosis.failedAt(),
                zone, null, diagnosis.restartAt(), diagnosis.restartSource(), null, diagnosis.evidence(),
                diagnosis.recommendation()));
    }
}
