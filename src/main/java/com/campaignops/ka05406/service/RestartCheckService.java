package com.campaignops.ka05406.service;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.diagnosis.DateReadings;
import com.campaignops.ka05406.diagnosis.Diagnoser;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.messages.Languages;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.notification.InvalidNotificationException;
import com.campaignops.ka05406.notification.NotificationReader;
import com.campaignops.ka05406.observability.UpstreamCost;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The function's core: diagnose one failure notification (one sent to the function, or one the sweep built from
 * Campaign's journal), and audit every configured instance.
 */
@ApplicationScoped
public class RestartCheckService {

    private static final Logger LOG = Logger.getLogger(RestartCheckService.class);

    /**
     * Instances the audit asks at once. The audit then takes about one instance's worst case rather than
     * the sum of them, well inside the Lambda timeout even when every source hangs; bounded so that a
     * long instance list opens neither unbounded threads nor connections. Threads mostly wait on I/O.
     */
    static final int PARALLEL_FETCHES = 8;

    private final InstanceDirectory directory;
    private final RestartTimeSource restartTimes;
    private final Clock clock;
    private final NotificationReader reader;
    private final Diagnoser diagnoser;
    private final Auditor auditor;
    /** Plain threads, not Vert.x event-loop ones: the REST client call blocks. Started on first use. */
    private final ExecutorService fetchPool = Executors.newFixedThreadPool(PARALLEL_FETCHES, daemonThreads());

    public RestartCheckService(InstanceDirectory directory, RestartTimeSource restartTimes, Clock clock) {
        this.directory = directory;
        this.restartTimes = restartTimes;
        this.clock = clock;
        this.reader = new NotificationReader(directory.maxLogLines(), clock, directory.dateOrder());
        this.diagnoser = new Diagnoser(directory.rules(), directory.workflowPattern());
        this.auditor = new Auditor(directory.rules());
    }

    /** @throws InvalidNotificationException naming each bad field */
    public WithCost<Diagnosis> diagnose(JsonNode notificationJson) {
        return diagnose(notificationJson, restartTimes);
    }

    /**
     * The same diagnosis, with restart times from {@code source}: start-up priming runs the production path
     * with a source that makes no call. When the notification's dates read either way round and nothing
     * settles which, each reading is diagnosed (sharing one restart fetch) and the two answers are weighed.
     *
     * @throws InvalidNotificationException naming each bad field
     */
    public WithCost<Diagnosis> diagnose(JsonNode notificationJson, RestartTimeSource source) {
        return diagnose(notificationJson, null, source);
    }

    /**
     * @param acceptLanguage the webhook request's {@code Accept-Language}, or {@code null}: the language when the
     *                       notification names none ({@link Languages#choose})
     */
    public WithCost<Diagnosis> diagnose(JsonNode notificationJson, String acceptLanguage) {
        return diagnose(notificationJson, acceptLanguage, restartTimes);
    }

    private WithCost<Diagnosis> diagnose(JsonNode notificationJson, String acceptLanguage, RestartTimeSource source) {
        List<Notification> readings = reader.readings(notificationJson);
        JsonNode language = notificationJson == null ? null : notificationJson.get("language");
        Messages messages = Messages.of(Languages.choose(language != null && language.isTextual() ? language.asText() : null,
                acceptLanguage, directory.language()));
        Map<String, Timed> fetches = new HashMap<>();
        Function<String, Timed> fetchOnce = instance ->
                fetches.computeIfAbsent(String.valueOf(instance), name -> timedFetch(source, instance));
        WithCost<Diagnosis> first = decide(readings.get(0), fetchOnce, messages);
        if (readings.size() == 1) {
            return first;
        }
        WithCost<Diagnosis> second = decide(readings.get(1), fetchOnce, messages);
        UpstreamCost cost = fetches.values().stream().map(Timed::cost).reduce(UpstreamCost.NONE, UpstreamCost::plus);
        return new WithCost<>(DateReadings.combine(first.answer(), second.answer(), messages), cost);
    }

    /**
     * The core decision for a notification already read, e.g. one the sweep built from Campaign's journal;
     * {@code restartsOf} answers an instance's restart fetch (the sweep asks each instance once). Its sentences are
     * in the configured language.
     */
    public Diagnosis diagnose(Notification notification, Function<String, RestartFetch> restartsOf) {
        Messages messages = Messages.of(Languages.choose(null, null, directory.language()));
        return decide(notification, instance -> new Timed(restartsOf.apply(instance), UpstreamCost.NONE), messages)
                .answer();
    }

    private WithCost<Diagnosis> decide(Notification notification, Function<String, Timed> fetch, Messages messages) {
        Diagnoser.Triage triage = diagnoser.triage(notification, messages);
        if (triage instanceof Diagnoser.Triage.NeedsRestartTime needs) {
            String instance = needs.candidate().instance();
            RestartSchedule schedule = directory.restartScheduleOf(instance, notification.timeZone());
            Timed timed = fetch.apply(instance);
            return new WithCost<>(diagnoser.decide(needs.candidate(), timed.fetch(), schedule,
                    directory.controlZone(instance, notification.timeZone(), schedule),
                    directory.workflowScheduleOf(instance), messages), timed.cost());
        }
        return new WithCost<>(((Diagnoser.Triage.Settled) triage).diagnosis(), UpstreamCost.NONE);
    }

    public WithCost<AuditReport> audit() {
        return audit(restartTimes);
    }

    /** The audit, with restart times from {@code source} (see {@link #diagnose(JsonNode, RestartTimeSource)}). */
    public WithCost<AuditReport> audit(RestartTimeSource source) {
        List<String> names = directory.names();
        Map<String, Object> logContext = MDC.getMap();
        List<CompletableFuture<Timed>> fetches = names.stream()
                .map(name -> CompletableFuture.supplyAsync(inLogContextOf(logContext, () -> timedFetch(source, name)),
                        fetchPool))
                .toList();
        List<InstanceAudit> audits = new ArrayList<>();
        UpstreamCost upstream = UpstreamCost.NONE;
        Messages messages = Messages.of(Languages.choose(null, null, directory.language()));
        for (int i = 0; i < names.size(); i++) {
            Timed timed = fetches.get(i).join();
            upstream = upstream.plus(timed.cost());
            audits.add(audit(names.get(i), timed.fetch(), messages));
        }
        if (audits.isEmpty()) {
            LOG.warn("Audit ran with no execution instance configured (restart-check.instances)");
        }
        return new WithCost<>(new AuditReport(Diagnosis.KNOWN_ISSUE, clock.instant(), audits, messages.language().tag()),
                upstream);
    }

    /** A fetch and what it cost, measured on the thread that waited for it. */
    private record Timed(RestartFetch fetch, UpstreamCost cost) {
    }

    private static Timed timedFetch(RestartTimeSource source, String name) {
        long start = System.nanoTime();
        RestartFetch fetch = source.recentRestarts(name);
        return new Timed(fetch, UpstreamCost.of(fetch, start));
    }

    private InstanceAudit audit(String name, RestartFetch fetch, Messages messages) {
        RestartSchedule schedule = directory.restartScheduleOf(name, null);
        return auditor.audit(name, fetch, schedule, directory.workflowScheduleOf(name),
                directory.controlZone(name, null, schedule), clock.instant(), messages);
    }

    /** The caller's log context (its request id) on the pool thread, so a fallback's WARN names the invocation. */
    private static <T> Supplier<T> inLogContextOf(Map<String, Object> context, Supplier<T> task) {
        return () -> {
            context.forEach(MDC::put);
            try {
                return task.get();
            } finally {
                context.keySet().forEach(MDC::remove);
            }
        };
    }

    @PreDestroy
    void stopFetching() {
        fetchPool.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "restart-fetch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
