package com.campaignops.ka05406.service;

import com.campaignops.ka05406.observability.UpstreamCost;
import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.campaign.CampaignReader;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.campaignops.ka05406.campaign.CampaignUnavailableException;
import com.campaignops.ka05406.campaign.CampaignWorkflow;
import com.campaignops.ka05406.campaign.ServerFacts;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.WorkflowPattern;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Languages;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.messages.Text;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.campaignops.ka05406.signature.LogonSignature;
import com.campaignops.ka05406.sweep.Cadence;
import com.campaignops.ka05406.sweep.Runs;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.sweep.SweepRules;
import com.campaignops.ka05406.sweep.WorkflowReport;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The sweep: one session on the control instance (one Logon, one Logoff), every mcSynch workflow's
 * journal read side by side (bounded), each failed run diagnosed by the same core as a notification
 * ({@link RestartCheckService#diagnose(com.campaignops.ka05406.notification.Notification, Function)}),
 * then the audit of every configured instance with the cadence the journal shows. Whatever Campaign does,
 * the answer is a report: a workflow that cannot be read is UNKNOWN with the reason.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);
    private static final String MC_SYNCH = "mcSynch_";

    private final CampaignReader campaign;
    private final RestartCheckService core;
    private final RestartTimeSource restartTimes;
    private final InstanceDirectory directory;
    private final RestartCheckConfig config;
    private final RestartCheckConfig.Campaign settings;
    private final Clock clock;
    private final Runs runs;
    private final SweepRules rules;
    private final Auditor auditor;
    /** Created on the first sweep: a function with no Campaign configured never starts these threads. */
    private volatile ExecutorService readers;
    private volatile ExecutorService fetchers;

    public SweepService(CampaignReader campaign, RestartCheckService core, RestartTimeSource restartTimes,
                        InstanceDirectory directory, RestartCheckConfig config, Clock clock) {
        this.campaign = campaign;
        this.core = core;
        this.restartTimes = restartTimes;
        this.directory = directory;
        this.config = config;
        this.settings = config.campaign();
        this.clock = clock;
        this.runs = new Runs(new LogonSignature(), settings.runGap());
        this.rules = new SweepRules(directory.rules(), runs, settings.recurrenceMinDays());
        this.auditor = new Auditor(directory.rules());
    }

    /** Whether a Campaign URL is configured: the scheduled event then sweeps as well as audits. */
    public boolean configured() {
        return campaign.configured();
    }

    public WithCost<SweepReport> sweep() {
        Instant now = clock.instant();
        // As the audit: the sweep's sentences in the configured language (Campaign's own messages stay quoted).
        Messages messages = Messages.of(Languages.choose(null, null, directory.language()));
        long deadline = System.nanoTime() + settings.deadline().toNanos();
        List<String> evidence = new ArrayList<>();
        // Each instance's restart source is asked once per sweep, and every configured one at once while Campaign
        // is read: the sweep then waits about one source's worst case, not their sum, even when they all hang.
        Map<String, Object> logContext = MDC.getMap();
        Map<String, CompletableFuture<RestartFetch>> fetches = new ConcurrentHashMap<>();
        Function<String, CompletableFuture<RestartFetch>> fetch = name -> fetches.computeIfAbsent(
                name.toLowerCase(Locale.ROOT), key -> CompletableFuture.supplyAsync(
                        () -> inLogContext(logContext, () -> restartTimes.recentRestarts(name)), fetchers()));
        Function<String, RestartFetch> restartsOf = name -> name == null ? restartTimes.recentRestarts(null)
                : fetch.apply(name).join();
        directory.names().forEach(fetch::apply);
        ZoneId zone = config.controlTimeZone().orElse(ZoneId.of("UTC"));
        List<Swept> swept = new ArrayList<>();
        List<WorkflowReport> unread = new ArrayList<>();

        if (!campaign.configured()) {
            evidence.add(messages.get("sweep.noCampaign"));
        } else {
            try (CampaignSession session = campaign.open()) {
                ServerFacts facts = session.facts();
                if (config.controlTimeZone().isEmpty() && facts.operatorZone() != null) {
                    zone = facts.operatorZone();
                }
                evidence.add(describe(facts, zone, messages));
                WorkflowPattern pattern = directory.workflowPattern();
                List<CampaignWorkflow> workflows = session.workflows(config.workflowPatterns()).stream()
                        .filter(w -> pattern.matches(w.internalName())).toList();
                if (workflows.isEmpty()) {
                    evidence.add(messages.get("sweep.noWorkflow", pattern));
                }
                swept = readAll(session, workflows, now, zone, restartsOf, deadline, messages);
            } catch (CampaignUnavailableException e) {
                evidence.add(messages.get("sweep.unreadable", e.reason()));
                for (String name : directory.names()) {
                    unread.add(SweepRules.unknown(MC_SYNCH + name, name, null, e.reason(), messages));
                }
            } catch (RuntimeException e) {
                // Not a failure Campaign reported; still a dependency the report must survive. No message: it
                // could quote configuration.
                Text why = Text.of("sweep.reason.unexpectedReading", e.getClass().getSimpleName());
                LOG.warnf("Sweep: %s", why);
                String reason = messages.render(why);
                evidence.add(messages.get("sweep.unreadable", reason));
                for (String name : directory.names()) {
                    unread.add(SweepRules.unknown(MC_SYNCH + name, name, null, reason, messages));
                }
            }
        }

        Map<String, InstanceAudit> audits = new HashMap<>();
        List<InstanceAudit> instances = new ArrayList<>();
        Map<String, String> cadenceUses = new HashMap<>();
        for (String name : directory.names()) {
            Cadence cadence = swept.stream()
                    .filter(s -> s.instance() != null && s.instance().equalsIgnoreCase(name) && s.findings() != null)
                    .findFirst().flatMap(s -> s.findings().cadence()).orElse(null);
            WorkflowSchedule schedule = directory.workflowScheduleOf(name);
            String use;
            if (cadence != null && !settings.preferConfiguredSchedule()) {
                schedule = cadence.toSchedule();
                use = messages.get("sweep.usedCadence", cadence.description());
            } else if (cadence != null) {
                use = messages.get("sweep.usedConfiguredPreferred", schedule.describe(messages), cadence.description());
            } else if (swept.stream().anyMatch(s -> s.instance() != null && s.instance().equalsIgnoreCase(name)
                    && s.findings() != null)) {
                use = messages.get("sweep.usedConfigured", schedule.describe(messages));
            } else {
                // No journal was read (no Campaign URL, Campaign unreadable, no such workflow): say so, not "no cadence".
                use = messages.get("sweep.usedConfiguredUnread", schedule.describe(messages));
            }
            // The server zone the journal implied when none is configured, as the instance's diagnoses used it.
            RestartSchedule restart = swept.stream()
                    .filter(s -> s.instance() != null && s.instance().equalsIgnoreCase(name) && s.findings() != null)
                    .map(s -> s.findings().restartSchedule()).filter(RestartSchedule::zoneKnown).findFirst()
                    .orElseGet(() -> directory.restartScheduleOf(name, null)).placedBy(restartsOf.apply(name));
            InstanceAudit audit = auditor.audit(name, restartsOf.apply(name), restart, schedule,
                    directory.controlZone(name, zone, restart), now, messages);
            List<String> auditEvidence = new ArrayList<>(audit.evidence());
            auditEvidence.add(0, use);
            audit = new InstanceAudit(audit.instance(), audit.workflow(), audit.status(), audit.restartAt(),
                    audit.restartSource(), audit.workflowSchedule(), audit.collidingRun(), auditEvidence,
                    audit.recommendation(), audit.restartProblem());
            instances.add(audit);
            audits.put(name.toLowerCase(Locale.ROOT), audit);
            cadenceUses.put(name.toLowerCase(Locale.ROOT), use);
        }

        List<WorkflowReport> reports = new ArrayList<>(unread);
        for (Swept s : swept) {
            if (s.findings() == null) {
                reports.add(SweepRules.unknown(s.workflow().internalName(), s.instance(), s.workflow(),
                        messages.render(s.reason()), messages));
            } else {
                String key = s.instance() == null ? "" : s.instance().toLowerCase(Locale.ROOT);
                reports.add(rules.report(s.workflow(), s.instance(), s.findings(), audits.get(key), cadenceUses.get(key),
                        messages));
            }
        }
        Map<Object, Long> statuses = new TreeMap<>();
        reports.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
        LOG.infof("Sweep: %d mcSynch workflow(s) %s, %d instance(s) audited", reports.size(), statuses, instances.size());
        return new WithCost<>(new SweepReport(Diagnosis.KNOWN_ISSUE, now, reports, instances, evidence,
                messages.language().tag()), UpstreamCost.NONE);
    }

    /**
     * One workflow's journal and what the rules made of it, or why it could not be read: Campaign's reason quoted
     * as it is ({@code sweep.reason.quoted}), or one of ours, put into the reader's language when reported.
     */
    private record Swept(CampaignWorkflow workflow, String instance, SweepRules.Findings findings, Text reason) {
    }

    private List<Swept> readAll(CampaignSession session, List<CampaignWorkflow> workflows, Instant now, ZoneId zone,
                                Function<String, RestartFetch> restartsOf, long deadline, Messages messages) {
        Map<String, Object> logContext = MDC.getMap();
        List<Future<Swept>> reads = new ArrayList<>();
        for (CampaignWorkflow workflow : workflows) {
            reads.add(readers().submit(() -> inLogContext(logContext,
                    () -> read(session, workflow, now, zone, restartsOf, messages))));
        }
        List<Swept> swept = new ArrayList<>();
        for (int i = 0; i < workflows.size(); i++) {
            CampaignWorkflow workflow = workflows.get(i);
            try {
                swept.add(reads.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                reads.get(i).cancel(true);
                Text reason = Text.of("sweep.reason.deadline", settings.deadline());
                LOG.warnf("Journal of %s not read: %s", workflow.internalName(), reason);
                swept.add(new Swept(workflow, instanceOf(workflow.internalName()), null, reason));
            } catch (ExecutionException e) {
                LOG.warnf("Sweep of %s failed: unexpected %s", workflow.internalName(),
                        e.getCause().getClass().getSimpleName());
                swept.add(new Swept(workflow, instanceOf(workflow.internalName()), null,
                        Text.of("sweep.reason.unexpected", e.getCause().getClass().getSimpleName())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                swept.add(new Swept(workflow, instanceOf(workflow.internalName()), null, Text.of("sweep.reason.interrupted")));
            }
        }
        return swept;
    }

    private Swept read(CampaignSession session, CampaignWorkflow workflow, Instant now, ZoneId zone,
                       Function<String, RestartFetch> restartsOf, Messages messages) {
        String instance = instanceOf(workflow.internalName());
        try {
            var journal = session.journal(workflow.id(), settings.historyDays());
            RestartFetch fetch = restartsOf.apply(instance);
            SweepRules.Findings findings = rules.read(workflow.internalName(), instance, journal, now,
                    settings.lookback(), settings.historyDays(), directory.restartScheduleOf(instance, null).placedBy(fetch), zone,
                    (notification, schedule) -> core.diagnose(notification, restartsOf, schedule, zone),
                    fetch instanceof RestartFetch.Unavailable, messages);
            return new Swept(workflow, instance, findings, null);
        } catch (CampaignUnavailableException e) {
            return new Swept(workflow, instance, null, Text.of("sweep.reason.quoted", e.reason()));
        }
    }

    private static String describe(ServerFacts facts, ZoneId zone, Messages messages) {
        String server = facts.instanceName() == null ? messages.get("sweep.server.instance")
                : messages.get("sweep.server.instanceNamed", facts.instanceName());
        if (facts.serverDate() != null) {
            server = messages.get("sweep.server.date", server, facts.serverDate());
        }
        String text = messages.get("sweep.server", server, zone.getId());
        if (Boolean.FALSE.equals(facts.isControlInstance())) {
            text = messages.sentences(text, messages.get("sweep.server.notControl"));
        }
        return text;
    }

    /** {@code mcSynch_<account>}: the execution instance is the external account's name. */
    static String instanceOf(String workflow) {
        return workflow.regionMatches(true, 0, MC_SYNCH, 0, MC_SYNCH.length()) && workflow.length() > MC_SYNCH.length()
                ? workflow.substring(MC_SYNCH.length()) : null;
    }

    /** The caller's log context (its request id) on a pool thread, so a WARN there names the invocation. */
    private static <T> T inLogContext(Map<String, Object> context, java.util.function.Supplier<T> task) {
        context.forEach(MDC::put);
        try {
            return task.get();
        } finally {
            context.keySet().forEach(MDC::remove);
        }
    }

    private ExecutorService readers() {
        ExecutorService pool = readers;
        if (pool == null) {
            synchronized (this) {
                if (readers == null) {
                    readers = daemonPool(Math.max(1, settings.parallelism()), "campaign-read-");
                }
                pool = readers;
            }
        }
        return pool;
    }

    private ExecutorService fetchers() {
        ExecutorService pool = fetchers;
        if (pool == null) {
            synchronized (this) {
                if (fetchers == null) {
                    fetchers = daemonPool(RestartCheckService.PARALLEL_FETCHES, "sweep-restart-fetch-");
                }
                pool = fetchers;
            }
        }
        return pool;
    }

    private static ExecutorService daemonPool(int threads, String prefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        if (readers != null) {
            readers.shutdownNow();
        }
        if (fetchers != null) {
            fetchers.shutdownNow();
        }
    }
}
