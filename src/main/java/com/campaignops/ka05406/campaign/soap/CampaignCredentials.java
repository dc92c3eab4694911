package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.campaign.CampaignUnavailableException;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.secrets.SecretRef;
import com.campaignops.ka05406.secrets.SecretStore;
import com.campaignops.ka05406.secrets.SecretUnavailableException;

/**
 * The Campaign operator's password: from SSM Parameter Store or Secrets Manager through {@link SecretStore} (its
 * cache and failure policy apply), or from the environment for local use. Read when a sweep logs on, never at
 * init; never logged, never in a reason.
 */
final class CampaignCredentials {

    private final RestartCheckConfig.Campaign campaign;
    private final SecretStore secrets;

    CampaignCredentials(RestartCheckConfig.Campaign campaign, SecretStore secrets) {
        this.campaign = campaign;
        this.secrets = secrets;
    }

    /** @throws CampaignUnavailableException naming the store, never the value */
    String password() {
        var stored = SecretRef.of(campaign.passwordParameter(), campaign.passwordSecretId());
        try {
            if (stored.isPresent()) {
                return secrets.read(stored.get(), campaign.secretCacheTtl()).strip();
            }
        } catch (SecretUnavailableException e) {
            throw new CampaignUnavailableException("the Campaign password could not be read: " + e.getMessage());
        }
        return campaign.password().filter(p -> !p.isBlank()).map(String::strip).orElseThrow(() ->
                new CampaignUnavailableException("no Campaign password is configured (password-parameter, "
                        + "password-secret-id, or password for local use) and no session-token for trusted-IP mode"));
    }
}
