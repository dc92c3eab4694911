package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.campaign.CampaignReader;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.config.TestSettings;
import com.campaignops.ka05406.messages.Text;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.outbound.Workers;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.campaignops.ka05406.service.RestartCheckService;
import com.campaignops.ka05406.service.SweepService;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With restart-check.language=fr, the sweep (and its audit) answer in French, as the plain audit does; the machine
 * fields stay as they are. A plain test: the language is the only setting that differs from the default start.
 */
class SweepInFrenchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-28T12:00:00Z"), ZoneOffset.UTC);
    /** No Campaign URL: the sweep reads no journal and audits the configured schedule. */
    private static final CampaignReader NO_CAMPAIGN = new CampaignReader() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public CampaignSession open() {
            throw new AssertionError("no Campaign URL is configured: no session may open");
        }
    };
    /** What the HTTP source answers for an instance without a restart URL. */
    private static final RestartTimeSource NO_URL = instance -> new RestartFetch.NotConfigured(
            Text.of("restart.noUrl", instance));

    @Test
    void sweepOnDemand_speaksTheConfiguredLanguage_machineFieldsUnchanged() {
        RestartCheckConfig config = TestSettings.of(Map.of("restart-check.language", "fr",
                "restart-check.instances.primary.name", "mcExec1",
                "restart-check.instances.primary.server-time-zone", "UTC"));
        InstanceDirectory directory = new InstanceDirectory(config);
        Workers workers = new Workers();
        SweepService sweeps = new SweepService(NO_CAMPAIGN, new RestartCheckService(directory, NO_URL, CLOCK,
                workers), NO_URL, directory, config, CLOCK, workers);

        SweepReport report = sweeps.sweep(Budget.of(null, Duration.ofSeconds(10), Duration.ZERO), SweepPeriod.NONE)
                .answer();

        assertThat(report.language()).isEqualTo("fr");
        assertThat(report.evidence()).containsExactly("Aucune URL Campaign n'est configurée "
                + "(restart-check.campaign.url)\u00a0: aucun workflow n'a été lu\u00a0; l'audit a utilisé les "
                + "planifications de workflow configurées.");
        assertThat(report.instances()).singleElement().satisfies(audit -> {
            assertThat(audit.instance()).isEqualTo("mcExec1");
            assertThat(audit.status().name()).isEqualTo("AT_RISK"); // its 06:00 run meets the 06:00 UTC restart
            assertThat(audit.evidence().get(0))
                    .startsWith("L'audit a utilisé le workflow-schedule configuré (toutes les 60 min à partir de 00:00)")
                    .endsWith("aucun log de son workflow mcSynch n'a été lu.");
        });
    }
}
