package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.Recommendation;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Real answers, made by the real auditor, for the alert tests. */
final class SampleFindings {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-11-22T07:15:00Z");
    private static final Auditor AUDITOR = new Auditor(DiagnosisRules.DEFAULT, WorkflowNames.DEFAULT);
    private static final RestartSchedule SIX_AM_PARIS = new RestartSchedule(LocalTime.of(6, 0), PARIS);

    private SampleFindings() {
    }

    /** Hourly from 00:00 in Paris, restart 06:00 Paris: the run at 06:00 collides. */
    static InstanceAudit atRisk(String instance) {
        return AUDITOR.audit(instance, new RestartFetch.NotConfigured("No restart URL is configured for instance "
                + instance), SIX_AM_PARIS, WorkflowSchedule.ADOBE_DEFAULT, PARIS, NOW, Messages.english());
    }

    static InstanceAudit clear(String instance) {
        return AUDITOR.audit(instance, new RestartFetch.NotConfigured("No restart URL"), SIX_AM_PARIS,
                new WorkflowSchedule(Duration.ofHours(1), LocalTime.of(0, 30)), PARIS, NOW, Messages.english());
    }

    static InstanceAudit unknown(String instance) {
        return AUDITOR.audit(instance, new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "HTTP 503"), SIX_AM_PARIS,
                WorkflowSchedule.ADOBE_DEFAULT, PARIS, NOW, Messages.english());
    }

    /** Hourly from 00:00 in Paris except every {@code minutes}, restart 06:00 Paris: the run at 06:00 collides. */
    static InstanceAudit atRisk(String instance, int minutes) {
        return AUDITOR.audit(instance, new RestartFetch.NotConfigured("No restart URL"), SIX_AM_PARIS,
                new WorkflowSchedule(Duration.ofMinutes(minutes), LocalTime.MIDNIGHT), PARIS, NOW, Messages.english());
    }

    static AuditReport report(InstanceAudit... audits) {
        return new AuditReport(Diagnosis.KNOWN_ISSUE, NOW, List.of(audits), "en");
    }

    static AuditReport manyAtRisk(int count) {
        List<InstanceAudit> audits = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            audits.add(atRisk("mcExec" + i));
        }
        return new AuditReport(Diagnosis.KNOWN_ISSUE, NOW, audits, "en");
    }

    static Diagnosis diagnosis(Verdict verdict) {
        Recommendation fix = verdict == Verdict.MATCH ? new Recommendation(5, "06:05", "Europe/Paris", 60,
                List.of("Open mcSynch_mcExec1's scheduler"), "Do not move the 'tracking' workflow.") : null;
        return new Diagnosis(Diagnosis.KNOWN_ISSUE, verdict, "mcSynch_mcExec1", "mcExec1",
                Instant.parse("2026-11-22T05:00:03Z"), Instant.parse("2026-11-22T05:00:00Z"), RestartSource.SCHEDULE,
                0.1, List.of("SOP-330011 Empty return for method 'Logon' of service 'xtk:session'", "Restart at 06:00"),
                fix, "en");
    }
}
