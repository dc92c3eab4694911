package com.campaignops.ka05406.audit;

import com.campaignops.ka05406.diagnosis.Recommendation;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.campaignops.ka05406.restart.RestartSource;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * One execution instance's exposure to KA-05406.
 *
 * @param workflowSchedule the mcSynch schedule compared, e.g. "every 60 min from 00:00, UTC"
 * @param collidingRun     the run ({@code HH:mm}, control zone) that starts in the restart window, if any
 * @param recommendation   only for {@link AuditStatus#AT_RISK}
 * @param restartProblem   only for {@link AuditStatus#UNKNOWN}: how the instance's restart source failed, as it said
 *                         ("HTTP 503", "timeout: …"), so an alert can say what to check
 */
public record InstanceAudit(String instance, String workflow, AuditStatus status, Instant restartAt,
                            RestartSource restartSource, String workflowSchedule, String collidingRun,
                            List<String> evidence, Recommendation recommendation,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String restartProblem) {

    public InstanceAudit {
        evidence = List.copyOf(evidence);
    }

    /** The same audit, {@code sentence} first in its evidence. */
    public InstanceAudit saying(String sentence) {
        return new InstanceAudit(instance, workflow, status, restartAt, restartSource, workflowSchedule, collidingRun,
                Stream.concat(Stream.of(sentence), evidence.stream()).toList(), recommendation, restartProblem);
    }
}
