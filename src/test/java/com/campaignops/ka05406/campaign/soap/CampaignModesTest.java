package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.campaign.CampaignJournal;
import com.campaignops.ka05406.alerts.AlertsProfile;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.config.TestSettings;
import com.campaignops.ka05406.secrets.SecretStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static com.campaignops.ka05406.FakeCampaign.LOGOFF;
import static com.campaignops.ka05406.FakeCampaign.LOGON;
import static com.campaignops.ka05406.FakeCampaign.QUERY;
import static com.campaignops.ka05406.FakeCampaign.fixture;
import static com.campaignops.ka05406.FakeCampaign.healthy;
import static com.campaignops.ka05406.FakeCampaign.requested;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trusted-IP mode (a configured session token: no Logon, no Logoff, no password), with the journal cut
 * at max-lines; and, in the same run, the password never read because trusted-IP mode needs none.
 *
 * <p>The reader under test is built here, once, from {@link CampaignProfile}'s settings plus trusted-IP mode's: its
 * REST client and guards are made by the running application as the injected reader's are, so this mode costs no
 * Quarkus start of its own. It runs in the start of {@link AlertsProfile}, where no Campaign URL is configured, so
 * the application's own reader never registers the circuit breakers ("campaign-logon", "campaign-read") this one
 * does: SmallRye Fault Tolerance refuses a second breaker of the same name.
 */
@QuarkusTest
@TestProfile(AlertsProfile.class)
@ConnectWireMock
class CampaignModesTest {

    private static final String PASSWORD_PARAMETER = "/campaign/ka05406/sweep-password";

    WireMock wiremock;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    SecretStore secrets;

    @Inject
    Clock clock;

    /** One per application start, for the breakers' names (above). */
    private static SoapCampaignReader campaign;
    private static RestartCheckConfig trustedIp;

    @BeforeEach
    void reset() {
        wiremock.resetRequests();
        wiremock.removeMappings();
        breakers.resetAll();
        if (campaign == null) {
            trustedIp = trustedIpSettings();
            campaign = new SoapCampaignReader(trustedIp, clock, secrets);
        }
    }

    /** CampaignProfile's control instance, reached with a session token (and a password parameter it never reads). */
    private static RestartCheckConfig trustedIpSettings() {
        Map<String, String> settings = CampaignProfile.resolvedSettings();
        settings.put("restart-check.campaign.session-token", "monitoring");
        settings.put("restart-check.campaign.password", "");
        settings.put("restart-check.campaign.password-parameter", PASSWORD_PARAMETER);
        settings.put("restart-check.campaign.max-lines", "200");
        return TestSettings.of(settings);
    }

    @Test
    void trustedIpMode_sendsTheSessionTokenAsCookie_withoutLogonLogoffOrPassword() {
        healthy(wiremock);

        try (CampaignSession session = campaign.open()) {
            assertThat(session.workflows(List.of("mcSynch_*"))).hasSize(2);
        }

        wiremock.verifyThat(0, requested(LOGON));
        wiremock.verifyThat(0, requested(LOGOFF));
        wiremock.verifyThat(0, getRequestedFor(urlPathEqualTo("/systemsmanager/parameters/get")));
        LoggedRequest query = wiremock.find(requested(QUERY)).get(0);
        assertThat(query.getHeader("Cookie")).isEqualTo("__sessiontoken=monitoring");
        assertThat(query.containsHeader("X-Security-Token")).isFalse();
    }

    @Test
    void journalLongerThanMaxLines_isCutToTheNewestLines_withoutAskingForMorePages() {
        healthy(wiremock);

        CampaignJournal journal;
        try (CampaignSession session = campaign.open()) {
            journal = session.journal(4120, 7);
        }

        assertThat(journal.capped()).isTrue();
        assertThat(journal.lines()).hasSize(200);
        assertThat(journal.lines().get(199).message()).startsWith("SCR-160012");
        wiremock.verifyThat(1, requested(QUERY));
    }

    @Test
    void passwordFromParameterStore_isReadThroughTheExtension_whenNoSessionTokenIsSet() {
        // The reader reads the password only for a Logon; this checks the extension path on its own.
        wiremock.register(get(urlPathEqualTo("/systemsmanager/parameters/get"))
                .withQueryParam("name", equalTo(PASSWORD_PARAMETER))
                .withQueryParam("withDecryption", equalTo("true"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(fixture("ssm-get-parameter-password.json"))));

        String password = campaign.password();

        assertThat(password).isEqualTo("from-ssm-p4ss-never-logged");
        wiremock.verifyThat(1, getRequestedFor(urlPathEqualTo("/systemsmanager/parameters/get")));
    }
}
