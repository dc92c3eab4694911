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
import java.util.ArrayList;
import java.util.List;

/** The function's two jobs: diagnose one failure notification, and audit every configured instance. */
@ApplicationScoped
public class RestartCheckService {

    private static final Logger LOG = Logger.getLogger(RestartCheckService.class);

    private final InstanceDirectory directory;
    private final RestartTimeSource restartTimes;
    private final Clock clock;
    private final NotificationReader reader;
    private final Diagnoser diagnoser;
    private final Auditor auditor;

    public RestartCheckService(InstanceDirectory directory, RestartTimeSource restartTimes, Clock clock) {
        this.directory = directory;
        this.restartTimes = restartTimes;
        this.clock = clock;
        this.reader = new NotificationReader(directory.maxLogLines(), clock);
        this.diagnoser = new Diagnoser(directory.rules(), directory.workflowPattern());
        this.auditor = new Auditor(directory.rules());
    }

    /** @throws com.campaignops.ka05406.notification.InvalidNotificationException naming each bad field */
    public Checked<Diagnosis> diagnose(JsonNode notificationJson) {
        Notification notification = reader.read(notificationJson);
        Diagnoser.Triage triage = diagnoser.triage(notification);
        if (triage instanceof Diagnoser.Triage.NeedsRestartTime needs) {
            String instance = needs.candidate().instance();
            RestartSchedule schedule = RestartSchedule.nearestOf(
                    directory.restartSchedulesOf(instance, notification.timeZone()), needs.candidate().failedAt());
            long start = System.nanoTime();
            RestartFetch fetch = restartTimes.recentRestarts(instance);
            Upstream upstream = Upstream.of(fetch, start);
            return new Checked<>(diagnoser.decide(needs.candidate(), fetch, schedule,
                    directory.controlZone(notification.timeZone(), schedule), directory.workflowScheduleOf(instance)),
                    upstream);
        }
        return new Checked<>(((Diagnoser.Triage.Settled) triage).diagnosis(), Upstream.NONE);
    }

    public Checked<AuditReport> audit() {
        List<InstanceAudit> audits = new ArrayList<>();
        Upstream upstream = Upstream.NONE;
        for (String name : directory.names()) {
            RestartSchedule schedule = directory.restartSchedulesOf(name, null).get(0);
            long start = System.nanoTime();
            RestartFetch fetch = restartTimes.recentRestarts(name);
            upstream = upstream.plus(Upstream.of(fetch, start));
            audits.add(auditor.audit(name, fetch, schedule, directory.workflowScheduleOf(name),
                    directory.controlZone(null, schedule), clock.instant()));
        }
        if (audits.isEmpty()) {
            LOG.warn("Audit ran with no execution instance configured (restart-check.instances)");
        }
        return new Checked<>(new AuditReport(Diagnosis.KNOWN_ISSUE, clock.instant(), audits), upstream);
    }
}
