package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.campaign.CampaignUnavailableException;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.webhook.ParametersAndSecrets;
import com.campaignops.ka05406.webhook.SecretUnavailableException;

/**
 * The Campaign operator's password: from SSM Parameter Store or Secrets Manager through the AWS
 * Parameters and Secrets extension (the client the webhook secret and the alert channels use), or from the
 * environment for local use. Read when a sweep logs on, never at init; never logged, never in a reason.
 */
final class CampaignCredentials {

    private final RestartCheckConfig.Campaign campaign;
    private final ParametersAndSecrets extension;

    CampaignCredentials(RestartCheckConfig.Campaign campaign, ParametersAndSecrets extension) {
        this.campaign = campaign;
        this.extension = extension;
    }

    /** @throws CampaignUnavailableException naming the store, never the value */
    String password() {
        try {
            if (campaign.passwordParameter().isPresent()) {
                return nonEmpty(extension.parameter(campaign.passwordParameter().get()));
            }
            if (campaign.passwordSecretId().isPresent()) {
                return nonEmpty(extension.secret(campaign.passwordSecretId().get()));
            }
        } catch (SecretUnavailableException e) {
            throw new CampaignUnavailableException("the Campaign password could not be read: " + e.getMessage());
        }
        return campaign.password().map(CampaignCredentials::nonEmpty).orElseThrow(() ->
                new CampaignUnavailableException("no Campaign password is configured (password-parameter, "
                        + "password-secret-id, or password for local use) and no session-token for trusted-IP mode"));
    }

    private static String nonEmpty(String value) {
        if (value.isBlank()) {
            throw new CampaignUnavailableException("the configured Campaign password is empty");
        }
        return value.strip();
    }
}
