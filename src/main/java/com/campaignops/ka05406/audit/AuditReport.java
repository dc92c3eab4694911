package com.campaignops.ka05406.audit;

import java.time.Instant;
import java.util.List;

/**
 * The scheduled audit's answer: every configured execution instance, checked at {@code checkedAt}.
 *
 * @param language the BCP 47 tag of the language its sentences are in
 */
public record AuditReport(String knownIssue, Instant checkedAt, List<InstanceAudit> instances, String language) {

    public AuditReport {
        instances = List.copyOf(instances);
    }
}
