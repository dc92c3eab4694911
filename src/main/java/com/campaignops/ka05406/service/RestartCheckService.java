package com.campaignops.ka05406.service;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.diagnosis.Diagnoser;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.WorkflowPattern;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.notification.NotificationReader;
import com.campaignops.ka05406.observability.UpstreamCost;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.campaignops.ka05406.sweep.SweepRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.campaignops.ka05406.outbound.Workers;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The function's core: diagnose one failure notification (one sent to the function, or one the sweep built from
 * Campaign's journal), and audit every configured instance.
 */
@ApplicationScoped
public class RestartCheckService {

    private final InstanceDirectory directory;
    private final RestartTimeSource restartTimes;
    private final Clock clock;
    private final NotificationReader reader;
    private final Diagnoser diagnoser;
    private final Auditor auditor;
    private final Workers workers;

    public RestartCheckService(InstanceDirectory directory, RestartTimeSource restartTimes, Clock clock,
                               Workers workers) {
        this.workers = workers;
        this.directory = directory;
        this.restartTimes = restartTimes;
        this.clock = clock;
        WorkflowPattern pattern = directory.workflowPattern();
        this.reader = directory.reader(clock);
        this.diagnoser = new Diagnoser(directory.rules(), pattern);
        this.auditor = new Auditor(directory.rules(), pattern.names());
    }

    /**
     * @param acceptLanguage the webhook request's {@code Accept-Language}, or {@code null}: the language when the
     *                       notification names none ({@link Language#choose})
     * @throws InvalidNotificationException naming each bad field
     */
    public WithCost<Diagnosis> diagnose(JsonNode notificationJson, String acceptLanguage) {
        return diagnose(notificationJson, acceptLanguage, restartTimes);
    }

    /**
     * The same diagnosis, with restart times from {@code source}: start-up priming runs the production path
     * with a source that makes no call. When the notification's dates read either way round and nothing
     * settles which, each reading is diagnosed (sharing one restart fetch) and the two answers are weighed.
     */
    public WithCost<Diagnosis> diagnose(JsonNode notificationJson, String acceptLanguage, RestartTimeSource source) {
        // Refuses a missing notification first, so the JSON is there to read the language from.
        List<Notification> readings = reader.readings(notificationJson);
        String language = notificationJson.path("language").textValue();
        Messages messages = Messages.of(Language.choose(language, acceptLanguage, directory.language()));
        // Both readings share one restart fetch: what the answer cost is every fetch made.
        Map<String, WithCost<RestartFetch>> fetches = new HashMap<>();
        Function<String, RestartFetch> fetchOnce = instance -> fetches.computeIfAbsent(String.valueOf(instance),
                name -> RestartFetches.timed(source, instance)).answer();
        Diagnosis first = decide(readings.get(0), fetchOnce, null, readings.get(0).inputZone(), messages);
        Diagnosis answer = readings.size() == 1 ? first : Diagnosis.ofBothReadings(first,
                decide(readings.get(1), fetchOnce, null, readings.get(1).inputZone(), messages), messages);
        return new WithCost<>(answer, fetches.values().stream().map(WithCost::cost)
                .reduce(UpstreamCost.NONE, UpstreamCost::plus));
    }

    /**
     * The core decision for a notification already read: one sent to the function, or one the sweep built from
     * Campaign's journal; {@code fetch} answers an instance's restart fetch (the sweep asks each instance once).
     *
     * @param inferred            the instance's schedule at the server zone the sweep inferred, used when none is
     *                            given otherwise; or {@code null}
     * @param observedControlZone the zone Campaign's operator works in, when none is configured; or {@code null}
     */
    Diagnosis decide(Notification notification, Function<String, RestartFetch> fetch, RestartSchedule inferred,
                     ZoneId observedControlZone, Messages messages) {
        Diagnoser.Triage triage = diagnoser.triage(notification, messages);
        if (triage instanceof Diagnoser.Triage.NeedsRestartTime needs) {
            String instance = needs.candidate().instance();
            RestartFetch fetched = fetch.apply(instance);
            // The server zone, in the documented order: the settings, the restart source's own offset, the
            // notification's serverTimeZone, the sweep's inference.
            RestartSchedule schedule = directory.restartScheduleOf(instance).placedBy(fetched)
                    .orNotificationZone(notification.serverZone());
            if (!schedule.zoneKnown() && inferred != null) {
                schedule = inferred;
            }
            return diagnoser.decide(needs.candidate(), fetched, schedule,
                    directory.controlZone(instance, observedControlZone, schedule),
                    directory.workflowScheduleOf(instance), messages);
        }
        return ((Diagnoser.Triage.Settled) triage).diagnosis();
    }

    public WithCost<AuditReport> audit() {
        return audit(restartTimes);
    }

    /**
     * The audit, with restart times from {@code source} (see {@link #diagnose(JsonNode, String, RestartTimeSource)}).
     * Every instance is asked at once: the audit takes about one instance's worst case rather than the sum of them.
     */
    public WithCost<AuditReport> audit(RestartTimeSource source) {
        RestartFetches fetches = new RestartFetches(source, workers, null, directory);
        Messages messages = Messages.of(Language.choose(null, null, directory.language()));
        List<InstanceAudit> audits = audits(fetches::of, null, name -> null, clock::instant, messages);
        return new WithCost<>(new AuditReport(Diagnosis.KNOWN_ISSUE, clock.instant(), audits, messages.language().tag()),
                fetches.cost());
    }

    /**
     * The audit of every configured instance, the scheduled audit's and the sweep's: its restart, placed in its
     * server zone, against its workflow's schedule, in its control zone.
     *
     * @param observedZone Campaign's operator zone in a sweep, else {@code null}
     * @param planOf       what the sweep read of an instance's workflow; {@code null} in the plain audit
     */
    List<InstanceAudit> audits(Function<String, RestartFetch> fetches, ZoneId observedZone,
                               Function<String, SweepRules.AuditPlan> planOf, Supplier<Instant> now, Messages messages) {
        List<InstanceAudit> audits = new ArrayList<>();
        for (String name : directory.names()) {
            SweepRules.AuditPlan plan = planOf.apply(name);
            RestartFetch fetched = fetches.apply(name);
            RestartSchedule restart = plan != null && plan.restart() != null ? plan.restart()
                    : directory.restartScheduleOf(name).placedBy(fetched);
            InstanceAudit audit = auditor.audit(name, fetched, restart,
                    plan == null ? directory.workflowScheduleOf(name) : plan.schedule(),
                    directory.controlZone(name, observedZone, restart), now.get(), messages);
            audits.add(plan == null ? audit : audit.saying(plan.use()));
        }
        return audits;
    }
}
