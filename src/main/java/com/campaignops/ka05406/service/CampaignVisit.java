package com.campaignops.ka05406.service;

import com.campaignops.ka05406.campaign.CampaignReader;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.campaignops.ka05406.campaign.CampaignUnavailableException;
import com.campaignops.ka05406.campaign.CampaignWorkflow;
import com.campaignops.ka05406.campaign.ServerFacts;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.diagnosis.WorkflowPattern;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.messages.Text;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.outbound.Workers;
import com.campaignops.ka05406.sweep.SweepRules.Swept;
import org.jboss.logging.Logger;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The sweep's one session on the control instance: one Logon, the synchronization workflows listed, their journals
 * read side by side ({@code parallelism} at a time) until the reads' budget ends, one Logoff, always. Whatever
 * Campaign does, the visit ends with what was read, or why nothing could be.
 */
final class CampaignVisit {

    private static final Logger LOG = Logger.getLogger(CampaignVisit.class);

    /** One workflow's journal read on the session, in the control zone. */
    interface JournalReader {
        Swept read(CampaignSession session, CampaignWorkflow workflow, ZoneId zone);
    }

    /**
     * @param zone       the control zone: the configured one, else Campaign's operator zone, else UTC
     * @param evidence   what concerns the sweep as a whole (the server, no workflow found, why nothing was read)
     * @param unreadable why Campaign could not be read at all, in the reader's language; else {@code null}
     */
    record Visit(List<Swept> swept, ZoneId zone, List<String> evidence, String unreadable) {
    }

    private final CampaignReader campaign;
    private final Workers workers;
    private final RestartCheckConfig config;
    private final WorkflowPattern pattern;

    CampaignVisit(CampaignReader campaign, Workers workers, RestartCheckConfig config, WorkflowPattern pattern) {
        this.campaign = campaign;
        this.workers = workers;
        this.config = config;
        this.pattern = pattern;
    }

    /** @param budget what the visit may take: its Logon and reads end early enough to leave its Logoff time */
    Visit visit(Budget budget, Messages messages, JournalReader reader) {
        ZoneId zone = config.controlTimeZone().orElse(ZoneId.of("UTC"));
        if (!campaign.configured()) {
            return new Visit(List.of(), zone, List.of(messages.get("sweep.noCampaign")), null);
        }
        List<String> evidence = new ArrayList<>();
        RestartCheckConfig.Campaign settings = config.campaign();
        Budget reads = settings.sessionToken().isEmpty() ? budget.less(settings.attemptTimeout()) : budget;
        CampaignSession session = null;
        try {
            session = open(reads, messages);
            ServerFacts facts = session.facts();
            if (config.controlTimeZone().isEmpty() && facts.operatorZone() != null) {
                zone = facts.operatorZone();
            }
            evidence.add(describe(facts, zone, messages));
            CampaignSession listing = session;
            List<CampaignWorkflow> workflows = reads.await(workers.submit(
                    () -> listing.workflows(config.workflowPatterns())), () -> {
                        throw new CampaignUnavailableException(messages.get("sweep.reason.deadline", reads));
                    }).stream().filter(w -> pattern.matches(w.internalName())).toList();
            if (workflows.isEmpty()) {
                evidence.add(messages.get("sweep.noWorkflow", pattern));
            }
            return new Visit(readAll(session, workflows, zone, reader, reads), zone, evidence, null);
        } catch (CampaignUnavailableException e) {
            evidence.add(messages.get("sweep.unreadable", e.getMessage()));
            return new Visit(List.of(), zone, evidence, e.getMessage());
        } catch (RuntimeException e) {
            // Not a failure Campaign reported; still a dependency the report must survive. No message: it
            // could quote configuration.
            Text why = Text.of("sweep.reason.unexpectedReading", e.getClass().getSimpleName());
            LOG.warnf("Sweep: %s", why);
            evidence.add(messages.get("sweep.unreadable", messages.render(why)));
            return new Visit(List.of(), zone, evidence, messages.render(why));
        } finally {
            close(session, budget);
        }
    }

    /**
     * The Logon, within the reads' budget. One cut by the budget is never retried; if its session arrives after
     * all, it is logged off at once, so no session is left open on Campaign.
     */
    private CampaignSession open(Budget reads, Messages messages) {
        // The session once opened, or ABANDONED once the wait for it was given up: whichever comes second closes it.
        AtomicReference<Object> state = new AtomicReference<>();
        Object abandoned = new Object();
        Future<CampaignSession> opening = workers.submit(() -> {
            CampaignSession session = campaign.open();
            if (!state.compareAndSet(null, session)) {
                session.close();
            }
            return session;
        });
        try {
            return opening.get(reads.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e);
        } catch (TimeoutException | InterruptedException e) {
            if (state.getAndSet(abandoned) instanceof CampaignSession session) {
                session.close();
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

    /** The journals side by side, {@code parallelism} at a time, until the reads' budget ends. */
    private List<Swept> readAll(CampaignSession session, List<CampaignWorkflow> workflows, ZoneId zone,
                                JournalReader reader, Budget reads) {
        AtomicInteger next = new AtomicInteger();
        AtomicReferenceArray<Swept> done = new AtomicReferenceArray<>(workflows.size());
        List<Future<Boolean>> readers = new ArrayList<>();
        for (int r = 0; r < Math.min(Math.max(1, config.campaign().parallelism()), workflows.size()); r++) {
            readers.add(workers.submit(() -> {
                for (int i = next.getAndIncrement(); i < workflows.size() && !Thread.currentThread().isInterrupted();
                        i = next.getAndIncrement()) {
                    done.set(i, reader.read(session, workflows.get(i), zone));
                }
                return Boolean.TRUE;
            }));
        }
        for (Future<Boolean> running : readers) {
            try {
                reads.await(running, () -> Boolean.FALSE);
            } catch (RuntimeException e) {
                LOG.warnf("Sweep: a journal reader failed: unexpected %s", e.getClass().getSimpleName());
            }
        }
        readers.forEach(running -> running.cancel(true));
        List<Swept> swept = new ArrayList<>();
        for (int i = 0; i < workflows.size(); i++) {
            CampaignWorkflow workflow = workflows.get(i);
            Swept read = done.get(i);
            if (read == null) {
                Text reason = Text.of("sweep.reason.deadline", reads);
                LOG.warnf("Journal of %s not read: %s", workflow.internalName(), reason);
                read = new Swept(workflow, pattern.names().instanceOf(workflow.internalName()), null, reason);
            }
            swept.add(read);
        }
        return swept;
    }

    private static String describe(ServerFacts facts, ZoneId zone, Messages messages) {
        String server = facts.instanceName() == null ? messages.get("sweep.server.instance")
                : messages.get("sweep.server.instanceNamed", facts.instanceName());
        if (facts.serverDate() != null) {
            server = messages.get("sweep.server.date", server, facts.serverDate());
        }
        String text = messages.get("sweep.server", server, zone.getId());
        return Boolean.FALSE.equals(facts.isControlInstance())
                ? messages.sentences(text, messages.get("sweep.server.notControl")) : text;
    }
}
