package com.campaignops.ka05406.audit;

import java.time.Instant;
import java.util.List;

/** The scheduled audit's answer: every configured execution instance, checked at {@code checkedAt}. */
public record AuditReport(String knownIssue, Instant checkedAt, List<InstanceAudit> instances) {

    public AuditReport {
        instances = List.copyOf(instances);
    }
}
