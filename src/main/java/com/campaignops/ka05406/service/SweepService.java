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
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.outbound.Workers;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.sweep.SweepPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
    private final Workers workers;

    public SweepService(CampaignReader campaign, RestartCheckService core, RestartTimeSource restartTimes,
                        InstanceDirectory directory, RestartCheckConfig config, Clock clock, Workers workers) {
        this.workers = workers;
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

    /**
     * What a run scheduled at {@code scheduledAt} alerts: the daily run (the audit's schedule) owns the day before it
     * when the sweep has no schedule of its own, else no failure; a run of the sweep's own schedule owns the
     * {@code sweep-period} before it.
     */
    public SweepPeriod periodOf(Instant scheduledAt, boolean daily) {
        Duration length = daily ? settings.sweepPeriod().map(own -> Duration.ZERO).orElse(Duration.ofDays(1))
                : settings.sweepPeriod().orElse(Duration.ofDays(1));
        return SweepPeriod.ending(scheduledAt, length, daily);
    }

    /**
     * @param budget what the sweep may take: its Logon and reads end early enough to leave its Logoff the Campaign
     *               attempt timeout; the caller keeps back what the alert sends after it need
     * @param period what the report's run alerts ({@link SweepPeriod#NONE} on demand)
     */
    public WithCost<SweepReport> sweep(Budget budget, SweepPeriod period) {
        Instant now = clock.instant();
        // As the audit: the sweep's sentences in the configured language (Campaign's own messages stay quoted).
        Messages messages = Messages.of(Languages.choose(null, null, directory.language()));
        Budget reads = campaign.configured() && settings.sessionToken().isEmpty()
                ? budget.less(settings.attemptTimeout()) : budget;
        List<String> evidence = new ArrayList<>();
        // Each instance's restart source is asked once per sweep, and every configured one at once while Campaign
        // is read: the sweep then waits about one source's worst case, not their sum, even when they all hang.
        Map<String, Future<Timed>> fetches = new ConcurrentHashMap<>();
        Function<String, Future<Timed>> fetch = name -> fetches.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                key -> workers.submit(() -> Timed.fetch(restartTimes, name)));
        Function<String, RestartFetch> restartsOf = name -> name == null ? restartTimes.recentRestarts(null)
                : budget.await(fetch.apply(name), () -> new Timed(outOfTime(name, budget), UpstreamCost.NONE)).fetch();
        directory.names().forEach(fetch::apply);
        ZoneId zone = config.controlTimeZone().orElse(ZoneId.of("UTC"));
        List<Swept> swept = new ArrayList<>();
        List<WorkflowReport> unread = new ArrayList<>();

        if (!campaign.configured()) {
            evidence.add(messages.get("sweep.noCampaign"));
        } else {
            CampaignSession session = null;
            try {
                session = open(reads, messages);
                ServerFacts facts = session.facts();
                if (config.controlTimeZone().isEmpty() && facts.operatorZone() != null) {
                    zone = facts.operatorZone();
                }
                evidence.add(describe(facts, zone, messages));
                WorkflowPattern pattern = directory.workflowPattern();
                CampaignSession listing = session;
                List<CampaignWorkflow> workflows = reads.await(workers.submit(
                        () -> listing.workflows(config.workflowPatterns())), () -> {
                            throw new CampaignUnavailableException(messages.get("sweep.reason.deadline", reads));
                        }).stream().filter(w -> pattern.matches(w.internalName())).toList();
                if (workflows.isEmpty()) {
                    evidence.add(messages.get("sweep.noWorkflow", pattern));
                }
                swept = readAll(session, workflows, now, zone, restartsOf, reads, messages);
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
            } finally {
                close(session, budget);
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
            RestartFetch fetched = restartsOf.apply(name);
            RestartSchedule restart = swept.stream()
                    .filter(s -> s.instance() != null && s.instance().equalsIgnoreCase(name) && s.findings() != null)
                    .map(s -> s.findings().restartSchedule()).filter(RestartSchedule::zoneKnown).findFirst()
                    .orElseGet(() -> directory.restartScheduleOf(name).placedBy(fetched));
            InstanceAudit audit = auditor.audit(name, fetched, restart, schedule,
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
        // What the diagnoses and the audit cost in restart-source calls: each instance asked once, whatever used it.
        UpstreamCost cost = UpstreamCost.NONE;
        for (Map.Entry<String, Future<Timed>> asked : fetches.entrySet()) {
            cost = cost.plus(budget.await(asked.getValue(), () -> new Timed(outOfTime(asked.getKey(), budget),
                    new UpstreamCost(1, 1, budget.total()))).cost());
        }
        return new WithCost<>(new SweepReport(Diagnosis.KNOWN_ISSUE, now, reports, instances, evidence,
                messages.language().tag(), period), cost);
    }

    /**
     * The Logon, within the reads' budget. One cut by the budget is never retried; if its session arrives after
     * all, it is logged off at once, so no session is left open on Campaign.
     */
    private CampaignSession open(Budget reads, Messages messages) {
        // [0] the session once opened, [1] non-null once the wait for it was given up; one lock for both.
        Object[] state = new Object[2];
        Future<CampaignSession> opening = workers.submit(() -> {
            CampaignSession session = campaign.open();
            synchronized (state) {
                state[0] = session;
                if (state[1] != null) {
                    session.close();
                }
            }
            return session;
        });
        try {
            return opening.get(reads.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            synchronized (state) {
                state[1] = Boolean.TRUE;
                if (state[0] != null) {
                    ((CampaignSession) state[0]).close();
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new CampaignUnavailableException(messages.get("sweep.reason.deadline", reads));
        }
    }

    /** The Logoff, always, within what is left of the budget; one still running then ends on its own timeout. */
    private void close(CampaignSession session, Budget budget) {
        if (session == null) {
            return;
        }
        budget.await(workers.submit(() -> {
            session.close();
            return Boolean.TRUE;
        }), () -> {
            LOG.warnf("Campaign Logoff not confirmed within the sweep's %s budget", budget);
            return Boolean.FALSE;
        });
    }

    /** An instance's restart fetch that the budget did not wait for: the schedule stands in, as for a failure. */
    private RestartFetch outOfTime(String name, Budget budget) {
        boolean xml = directory.find(name).map(i -> i.restartFormat() == RestartCheckConfig.RestartFormat.MONITOR_XML)
                .orElse(false);
        return new RestartFetch.Unavailable(xml ? RestartSource.MONITOR_XML : RestartSource.HTTP_JSON,
                "out of time: no answer within the invocation's " + budget + " budget");
    }

    /**
     * One workflow's journal and what the rules made of it, or why it could not be read: Campaign's reason quoted
     * as it is ({@code sweep.reason.quoted}), or one of ours, put into the reader's language when reported.
     */
    private record Swept(CampaignWorkflow workflow, String instance, SweepRules.Findings findings, Text reason) {
    }

    /** The journals side by side, {@code parallelism} at a time, until the reads' budget ends. */
    private List<Swept> readAll(CampaignSession session, List<CampaignWorkflow> workflows, Instant now, ZoneId zone,
                                Function<String, RestartFetch> restartsOf, Budget reads, Messages messages) {
        Queue<Integer> todo = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < workflows.size(); i++) {
            todo.add(i);
        }
        AtomicReferenceArray<Swept> done = new AtomicReferenceArray<>(workflows.size());
        List<Future<Boolean>> readers = new ArrayList<>();
        for (int r = 0; r < Math.min(Math.max(1, settings.parallelism()), workflows.size()); r++) {
            readers.add(workers.submit(() -> {
                for (Integer i = todo.poll(); i != null && !Thread.currentThread().isInterrupted(); i = todo.poll()) {
                    done.set(i, read(session, workflows.get(i), now, zone, restartsOf, messages));
                }
                return Boolean.TRUE;
            }));
        }
        for (Future<Boolean> reader : readers) {
            try {
                reads.await(reader, () -> Boolean.FALSE);
            } catch (RuntimeException e) {
                LOG.warnf("Sweep: a journal reader failed: unexpected %s", e.getClass().getSimpleName());
            }
        }
        readers.forEach(reader -> reader.cancel(true));
        List<Swept> swept = new ArrayList<>();
        for (int i = 0; i < workflows.size(); i++) {
            CampaignWorkflow workflow = workflows.get(i);
            Swept read = done.get(i);
            if (read == null) {
                Text reason = Text.of("sweep.reason.deadline", reads);
                LOG.warnf("Journal of %s not read: %s", workflow.internalName(), reason);
                read = new Swept(workflow, instanceOf(workflow.internalName()), null, reason);
            }
            swept.add(read);
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
                    settings.lookback(), settings.historyDays(), directory.restartScheduleOf(instance).placedBy(fetch), zone,
                    (notification, schedule) -> core.diagnose(notification, restartsOf, schedule, zone),
                    fetch instanceof RestartFetch.Unavailable, messages);
            return new Swept(workflow, instance, findings, null);
        } catch (CampaignUnavailableException e) {
            return new Swept(workflow, instance, null, Text.of("sweep.reason.quoted", e.reason()));
        } catch (RuntimeException e) {
            LOG.warnf("Sweep of %s failed: unexpected %s", workflow.internalName(), e.getClass().getSimpleName());
            return new Swept(workflow, instance, null, Text.of("sweep.reason.unexpected", e.getClass().getSimpleName()));
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
}
