package com.campaignops.ka05406.service;

import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.campaign.CampaignReader;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.campaignops.ka05406.campaign.CampaignUnavailableException;
import com.campaignops.ka05406.campaign.CampaignWorkflow;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.WorkflowPattern;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.messages.Text;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.outbound.Workers;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.campaignops.ka05406.sweep.Runs;
import com.campaignops.ka05406.sweep.SweepPeriod;
import com.campaignops.ka05406.sweep.SweepReport;
import com.campaignops.ka05406.sweep.SweepRules;
import com.campaignops.ka05406.sweep.SweepRules.AuditPlan;
import com.campaignops.ka05406.sweep.SweepRules.Swept;
import com.campaignops.ka05406.sweep.WorkflowReport;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sweep: every synchronization workflow's journal read on one Campaign session ({@link CampaignVisit}), each
 * failed run diagnosed by the same core as a notification, then the audit of every configured instance
 * ({@link RestartCheckService}'s) with the cadence the journal shows. Whatever Campaign does, the answer is a report:
 * a workflow that cannot be read is UNKNOWN with the reason.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);

    private final RestartCheckService core;
    private final RestartTimeSource restartTimes;
    private final InstanceDirectory directory;
    private final RestartCheckConfig.Campaign settings;
    private final Clock clock;
    private final SweepRules rules;
    private final Workers workers;
    private final WorkflowNames names;
    private final CampaignReader campaign;
    private final CampaignVisit visits;

    public SweepService(CampaignReader campaign, RestartCheckService core, RestartTimeSource restartTimes,
                        InstanceDirectory directory, RestartCheckConfig config, Clock clock, Workers workers) {
        this.core = core;
        this.restartTimes = restartTimes;
        this.directory = directory;
        this.settings = config.campaign();
        this.clock = clock;
        this.workers = workers;
        this.rules = new SweepRules(directory.rules(), new Runs(settings.runGap()), settings.recurrenceMinDays());
        WorkflowPattern pattern = directory.workflowPattern();
        this.names = pattern.names();
        this.campaign = campaign;
        this.visits = new CampaignVisit(campaign, workers, config, pattern);
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
        Duration length = settings.sweepPeriod().map(own -> daily ? Duration.ZERO : own).orElse(Duration.ofDays(1));
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
        Messages messages = Messages.of(Language.choose(null, null, directory.language()));
        RestartFetches fetches = new RestartFetches(restartTimes, workers, budget, directory);
        CampaignVisit.Visit visit = visits.visit(budget, messages,
                (session, workflow, zone) -> read(session, workflow, now, zone, fetches, messages));

        List<InstanceAudit> instances = core.audits(fetches::of, visit.zone(), name -> AuditPlan.of(visit.swept()
                .stream().filter(s -> name.equalsIgnoreCase(s.instance()) && s.findings() != null).map(Swept::findings)
                .toList(), directory.workflowScheduleOf(name), settings.preferConfiguredSchedule(), messages),
                () -> now, messages);

        List<WorkflowReport> reports = new ArrayList<>();
        if (visit.unreadable() != null) {
            directory.names().forEach(name -> reports.add(SweepRules.unknown(names.workflowOf(name), name, null,
                    visit.unreadable(), messages)));
        }
        reports.addAll(rules.reports(visit.swept(), instances, messages));
        Map<Object, Long> statuses = new TreeMap<>();
        reports.forEach(r -> statuses.merge(r.status(), 1L, Long::sum));
        LOG.infof("Sweep: %d mcSynch workflow(s) %s, %d instance(s) audited", reports.size(), statuses, instances.size());
        // What the diagnoses and the audit cost in restart-source calls: each instance asked once, whatever used it.
        return new WithCost<>(new SweepReport(Diagnosis.KNOWN_ISSUE, now, reports, instances, visit.evidence(),
                messages.language().tag(), period), fetches.cost());
    }

    private Swept read(CampaignSession session, CampaignWorkflow workflow, Instant now, ZoneId zone,
                       RestartFetches fetches, Messages messages) {
        String instance = names.instanceOf(workflow.internalName());
        try {
            var journal = session.journal(workflow.id(), settings.historyDays());
            RestartFetch fetch = fetches.of(instance);
            SweepRules.Findings findings = rules.read(workflow.internalName(), instance, journal, now,
                    settings.lookback(), settings.historyDays(), directory.restartScheduleOf(instance).placedBy(fetch), zone,
                    (notification, schedule) -> core.decide(notification, fetches::of, schedule, zone, messages),
                    fetch instanceof RestartFetch.Unavailable, messages);
            return new Swept(workflow, instance, findings, null);
        } catch (CampaignUnavailableException e) {
            return new Swept(workflow, instance, null, Text.of("sweep.reason.quoted", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warnf("Sweep of %s failed: unexpected %s", workflow.internalName(), e.getClass().getSimpleName());
            return new Swept(workflow, instance, null, Text.of("sweep.reason.unexpected", e.getClass().getSimpleName()));
        }
    }
}
