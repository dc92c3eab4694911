package com.campaignops.ka05406.campaign.soap;

import com.campaignops.ka05406.campaign.CampaignUnavailableException;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import java.util.concurrent.TimeUnit;

/**
 * The Campaign operator's password: from SSM Parameter Store or Secrets Manager through the AWS
 * Parameters and Secrets extension (the webhook secret's path), or from the environment for local use.
 * Read when a sweep logs on, never at init; never logged, never in a reason.
 */
final class CampaignCredentials {

    private final RestartCheckConfig.Campaign campaign;
    private final RestartCheckConfig config;
    private final ObjectMapper mapper;
    private volatile SecretsExtensionEndpoint endpoint;

    CampaignCredentials(RestartCheckConfig config, ObjectMapper mapper) {
        this.config = config;
        this.campaign = config.campaign();
        this.mapper = mapper;
    }

    /** @throws CampaignUnavailableException naming the store, never the value */
    String password() {
        String token = System.getenv("AWS_SESSION_TOKEN");
        try {
            if (campaign.passwordParameter().isPresent()) {
                return nonEmpty(mapper.readTree(endpoint().parameter(campaign.passwordParameter().get(), true, token))
                        .path("Parameter").path("Value").asText(""));
            }
            if (campaign.passwordSecretId().isPresent()) {
                return nonEmpty(mapper.readTree(endpoint().secret(campaign.passwordSecretId().get(), token))
                        .path("SecretString").asText(""));
            }
        } catch (WebApplicationException e) {
            throw new CampaignUnavailableException("the Campaign password could not be read: the secrets extension "
                    + "answered HTTP " + e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw new CampaignUnavailableException("the Campaign password could not be read: the secrets extension "
                    + "did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (JsonProcessingException e) {
            throw new CampaignUnavailableException("the Campaign password could not be read: the secrets extension's "
                    + "answer is not JSON");
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

    private SecretsExtensionEndpoint endpoint() {
        SecretsExtensionEndpoint built = endpoint;
        if (built == null) {
            synchronized (this) {
                if (endpoint == null) {
                    endpoint = QuarkusRestClientBuilder.newBuilder()
                            .baseUri(config.webhook().secretsExtensionUrl())
                            .connectTimeout(config.http().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(config.http().readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .followRedirects(false)
                            .build(SecretsExtensionEndpoint.class);
                }
                built = endpoint;
            }
        }
        return built;
    }
}
