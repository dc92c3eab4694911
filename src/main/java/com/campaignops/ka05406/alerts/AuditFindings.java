package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.InstanceAudit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The scheduled audit's instances: each AT_RISK or UNKNOWN is a finding; CLEAR is not. */
final class AuditFindings {

    private AuditFindings() {
    }

    static List<Finding> of(Instant checkedAt, List<InstanceAudit> instances) {
        List<Finding> findings = new ArrayList<>();
        for (InstanceAudit audit : instances) {
            if (audit.status() == AuditStatus.AT_RISK) {
                findings.add(new Finding(Finding.Kind.AT_RISK, audit.workflow(), audit.instance(), audit.restartAt(),
                        zoneOf(audit), audit.collidingRun(), audit.restartAt(), audit.restartSource(), null,
                        audit.evidence(), audit.recommendation()));
            } else if (audit.status() == AuditStatus.UNKNOWN) {
                findings.add(new Finding(Finding.Kind.UNKNOWN, audit.workflow(), audit.instance(), checkedAt,
                        zoneOf(audit), null, null, audit.restartSource(), audit.restartProblem(), audit.evidence(),
                        null));
            }
        }
        return findings;
    }

    /**
     * The control zone: the recommendation's, else the one the auditor appends to the schedule it compared
     * ("every 60 min from 00:00, Europe/Paris"); UTC when neither says.
     */
    static String zoneOf(InstanceAudit audit) {
        if (audit.recommendation() != null && audit.recommendation().timeZone() != null) {
            return audit.recommendation().timeZone();
        }
        String schedule = audit.workflowSchedule();
        if (schedule != null && schedule.contains(", ")) {
            String candidate = schedule.substring(schedule.lastIndexOf(", ") + 2).strip();
            try {
                return ZoneId.of(candidate).getId();
            } catch (DateTimeException notAZone) {
                // fall through
            }
        }
        return "UTC";
    }
}
