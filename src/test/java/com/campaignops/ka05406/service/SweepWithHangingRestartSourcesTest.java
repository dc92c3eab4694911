package com.campaignops.ka05406.service;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.campaign.CampaignJournal;
import com.campaignops.ka05406.campaign.CampaignReader;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.campaignops.ka05406.campaign.CampaignWorkflow;
import com.campaignops.ka05406.campaign.ServerFacts;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.config.TestSettings;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.campaignops.ka05406.sweep.SweepReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Six execution instances whose restart sources all hang: the sweep asks them side by side while it reads Campaign,
 * so it takes about one source's worst case, not six of them, asks each once, and audits each UNKNOWN. Plain Java:
 * how one HTTP source is cut (attempts, timeouts) is HttpRestartSourceTest's and AuditOfHangingSourcesTest's; here
 * a source "hangs" for its whole worst case and then reports that it timed out.
 */
class SweepWithHangingRestartSourcesTest {

    private static final int HANGING = 6;
    /** One source's worst case: what each hanging source takes before it gives up. */
    private static final long HANG_MILLIS = 1_000;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-14T07:15:00Z"), ZoneOffset.UTC);

    private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final AtomicInteger sessionsClosed = new AtomicInteger();
    private SweepService sweeps;

    @AfterEach
    void stopThePools() {
        if (sweeps != null) {
            sweeps.stop();
        }
    }

    @Test
    void hangingRestartSources_areAskedSideBySide_soTheSweepTakesAboutOneWorstCase() {
        Map<String, String> settings = new HashMap<>(TestSettings.embeddedDefault());
        settings.put("restart-check.scheduled-restart.server-time-zone", "Europe/Paris");
        for (int i = 1; i <= HANGING; i++) {
            settings.put("restart-check.instances.hang" + i + ".restart-url", "https://hang" + i + ".invalid/restarts");
        }
        RestartCheckConfig config = TestSettings.of(settings);
        InstanceDirectory directory = new InstanceDirectory(config);
        RestartTimeSource sources = instance -> {
            asked.computeIfAbsent(instance, name -> new AtomicInteger()).incrementAndGet();
            if (!instance.startsWith("hang")) {
                return new RestartFetch.NotConfigured("No restart URL is configured for instance " + instance);
            }
            sleep(HANG_MILLIS);
            return new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "timeout: no answer within 500 ms");
        };
        sweeps = new SweepService(campaignWithNoMcSynchWorkflow(), new RestartCheckService(directory, sources, CLOCK),
                sources, directory, config, CLOCK);

        long start = System.nanoTime();
        SweepReport report = sweeps.sweep().answer();
        long millis = (System.nanoTime() - start) / 1_000_000;

        // Six in a row would take over 6 s.
        assertThat(millis).isLessThan(3 * HANG_MILLIS);
        assertThat(report.instances().stream().filter(audit -> audit.instance().startsWith("hang")))
                .hasSize(HANGING).extracting(InstanceAudit::status).containsOnly(AuditStatus.UNKNOWN);
        for (int i = 1; i <= HANGING; i++) {
            assertThat(asked.get("hang" + i)).as("hang%d asked once per sweep", i).hasValue(1);
        }
        assertThat(sessionsOpened).hasValue(1);
        assertThat(sessionsClosed).hasValue(1);
    }

    /** A control instance that answers at once and has no mcSynch workflow: the sweep's time is the sources'. */
    private CampaignReader campaignWithNoMcSynchWorkflow() {
        return new CampaignReader() {
            @Override
            public boolean configured() {
                return true;
            }

            @Override
            public CampaignSession open() {
                sessionsOpened.incrementAndGet();
                return new CampaignSession() {
                    @Override
                    public ServerFacts facts() {
                        return new ServerFacts(CLOCK.instant(), ZoneId.of("Europe/Paris"), "acme_mkt_prod1",
                                List.of("nms:messageCenterControl"));
                    }

                    @Override
                    public List<CampaignWorkflow> workflows(List<String> internalNameGlobs) {
                        return List.of();
                    }

                    @Override
                    public CampaignJournal journal(long workflowId, int days) {
                        throw new AssertionError("no workflow, so no journal is read");
                    }

                    @Override
                    public void close() {
                        sessionsClosed.incrementAndGet();
                    }
                };
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
