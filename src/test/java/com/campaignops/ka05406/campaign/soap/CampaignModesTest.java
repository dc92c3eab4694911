package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.campaign.CampaignJournal;
import com.campaignops.ka05406.campaign.CampaignSession;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.secrets.SecretStore;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
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
 */
@QuarkusTest
@TestProfile(CampaignModesTest.TrustedIp.class)
@ConnectWireMock
class CampaignModesTest {

    public static class TrustedIp extends CampaignProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("restart-check.campaign.session-token", "monitoring");
            overrides.put("restart-check.campaign.password", "");
            overrides.put("restart-check.campaign.password-parameter", "/campaign/ka05406/sweep-password");
            overrides.put("restart-check.webhook.secrets-extension-url", "http://localhost:${quarkus.wiremock.devservices.port}");
            overrides.put("restart-check.campaign.max-lines", "200");
            return overrides;
        }
    }

    WireMock wiremock;

    @Inject
    SoapCampaignReader campaign;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void reset() {
        wiremock.resetRequests();
        wiremock.removeMappings();
        breakers.resetAll();
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
        // The same bean reads the password only for a Logon; this checks the extension path on its own.
        wiremock.register(get(urlPathEqualTo("/systemsmanager/parameters/get"))
                .withQueryParam("name", equalTo("/campaign/ka05406/sweep-password"))
                .withQueryParam("withDecryption", equalTo("true"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(fixture("ssm-get-parameter-password.json"))));

        String password = new CampaignCredentials(configOf(campaign).campaign(),
                Arc.container().instance(SecretStore.class).get()).password();

        assertThat(password).isEqualTo("from-ssm-p4ss-never-logged");
        wiremock.verifyThat(1, getRequestedFor(urlPathEqualTo("/systemsmanager/parameters/get")));
    }

    private static RestartCheckConfig configOf(SoapCampaignReader reader) {
        return Arc.container().instance(RestartCheckConfig.class).get();
    }
}
