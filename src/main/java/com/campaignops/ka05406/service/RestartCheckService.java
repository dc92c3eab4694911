package com.campaignops.ka05406.service;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.diagnosis.Diagnoser;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.notification.NotificationReader;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;

/** The function's two jobs: diagnose one failure notification, and audit every configured instance. */
@ApplicationScoped
public class RestartCheckService {

    private static final Logger LOG = Logger.getLogger(RestartCheckService.class);

    private final InstanceDirectory directory;
    private final RestartTimeSource restartTimes;
    private final Clock clock;
    private final NotificationReader reader = new NotificationReader();
    private final Diagnoser diagnoser;
    private final Auditor auditor;

    public RestartCheckService(InstanceDirectory directory, RestartTimeSource restartTimes, Clock clock) {
        this.directory = directory;
        this.restartTimes = restartTimes;
        this.clock = clock;
        this.diagnoser = new Diagnoser(directory.rules(), directory.workflowPattern());
        this.auditor = new Auditor(directory.rules());
    }

    /** @throws com.campaignops.ka05406.notification.InvalidNotificationException naming each bad field */
    public Diagnosis diagnose(JsonNode notificationJson) {
        Notification notification = reader.read(notificationJson);
        Diagnoser.Triage triage = diagnoser.triage(notification);
        Diagnosis diagnosis;
        if (triage instanceof Diagnoser.Triage.NeedsRestartTime needs) {
            String instance = needs.candidate().instance();
            RestartSchedule schedule = RestartSchedule.nearestOf(
                    directory.restartSchedulesOf(instance, notification.timeZone()), needs.candidate().failedAt());
            RestartFetch fetch = restartTimes.recentRestarts(instance);
            diagnosis = diagnoser.decide(needs.candidate(), fetch, schedule,
                    directory.controlZone(notification.timeZone(), schedule), directory.workflowScheduleOf(instance));
        } else {
            diagnosis = ((Diagnoser.Triage.Settled) triage).diagnosis();
        }
        LOG.infof("Diagnosis %s for workflow %s (instance %s): restart source %s, %s min from restart",
                diagnosis.verdict(), diagnosis.workflow(), diagnosis.instance(), diagnosis.restartSource(),
                diagnosis.minutesFromRestart());
        return diagnosis;
    }

    public AuditReport audit() {
        List<InstanceAudit> audits = directory.names().stream().map(name -> {
            RestartSchedule schedule = directory.restartSchedulesOf(name, null).get(0);
            InstanceAudit audit = auditor.audit(name, restartTimes.recentRestarts(name), schedule,
                    directory.workflowScheduleOf(name), directory.controlZone(null, schedule), clock.instant());
            LOG.infof("Audit of instance %s: %s", name, audit.status());
            return audit;
        }).toList();
        if (audits.isEmpty()) {
            LOG.warn("Audit ran with no execution instance configured (restart-check.instances)");
        }
        return new AuditReport(Diagnosis.KNOWN_ISSUE, clock.instant(), audits);
    }
}
