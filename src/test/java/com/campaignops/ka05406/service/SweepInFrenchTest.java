package com.campaignops.ka05406.service;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.campaign.CampaignReader;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.config.TestSettings;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.campaignops.ka05406.sweep.SweepReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With restart-check.language=fr, the sweep (and its audit) answer in French, as the plain audit does. Plain Java:
 * the setting reaches the sweep through the instance directory, which is all a Quarkus start would add here; that
 * the handler routes {"action": "sweep"} to this service is SweepWithoutCampaignTest's.
 */
class SweepInFrenchTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-14T07:15:00Z"), ZoneOffset.UTC);

    /** The default deployment: no Campaign URL, so nothing is read and no session opens. */
    private static final CampaignReader NO_CAMPAIGN = new CampaignReader() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public CampaignSession open() {
            throw new AssertionError("no session may open without a Campaign URL");
        }
    };

    private SweepService sweeps;

    @AfterEach
    void stopThePools() {
        if (sweeps != null) {
            sweeps.stop();
        }
    }

    @Test
    void sweepOnDemand_speaksTheConfiguredLanguage_machineFieldsUnchanged() {
        Map<String, String> settings = new HashMap<>(TestSettings.embeddedDefault());
        settings.put("restart-check.language", "fr");
        RestartCheckConfig config = TestSettings.of(settings);
        InstanceDirectory directory = new InstanceDirectory(config);
        RestartTimeSource schedule = instance -> new RestartFetch.NotConfigured("No restart URL is configured");
        sweeps = new SweepService(NO_CAMPAIGN, new RestartCheckService(directory, schedule, CLOCK), schedule,
                directory, config, CLOCK);

        SweepReport report = sweeps.sweep().answer();

        assertThat(report.language()).isEqualTo("fr");
        assertThat(report.evidence()).containsExactly("Aucune URL Campaign n'est configurée "
                + "(restart-check.campaign.url)\u00a0: aucun workflow n'a été lu\u00a0; l'audit a utilisé les "
                + "planifications de workflow configurées.");
        InstanceAudit audit = report.instances().get(0);
        assertThat(audit.evidence().get(0))
                .startsWith("L'audit a utilisé le workflow-schedule configuré (toutes les 60 min à partir de 00:00)")
                .endsWith("aucun journal de son workflow mcSynch n'a été lu.");
        assertThat(audit.instance()).isEqualTo("mcExec1");
        assertThat(audit.status()).isIn(AuditStatus.AT_RISK, AuditStatus.CLEAR, AuditStatus.UNKNOWN);
    }
}
