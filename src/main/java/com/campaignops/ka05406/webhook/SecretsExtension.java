package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the webhook secret from SSM Parameter Store or Secrets Manager through the AWS Parameters and
 * Secrets Lambda Extension ({@link ParametersAndSecrets}), so the function needs no AWS SDK and the
 * extension's own cache spares the API calls.
 */
@ApplicationScoped
class SecretsExtension {

    private final RestartCheckConfig config;
    private final ObjectMapper mapper;
    private final ParametersAndSecrets extension;

    SecretsExtension(RestartCheckConfig config, ObjectMapper mapper, ParametersAndSecrets extension) {
        this.config = config;
        this.mapper = mapper;
        this.extension = extension;
    }

    boolean configured() {
        return config.webhook().secretParameter().isPresent() || config.webhook().secretId().isPresent();
    }

    /**
     * @return the accepted secrets, current first
     * @throws SecretUnavailableException with a reason that names neither the secret nor the token
     */
    List<String> read() {
        RestartCheckConfig.Webhook webhook = config.webhook();
        String value = webhook.secretParameter().isPresent()
                ? extension.parameter(webhook.secretParameter().get())
                : extension.secret(webhook.secretId().orElseThrow());
        List<String> secrets = secretsIn(value);
        if (secrets.isEmpty()) {
            throw new SecretUnavailableException("the parameter or secret is empty");
        }
        return secrets;
    }

    /** One secret; or current and previous on two lines; or Secrets Manager's JSON {"current", "previous"}. */
    private List<String> secretsIn(String value) {
        List<String> secrets = new ArrayList<>();
        String text = value.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode pair = mapper.readTree(text);
                addIfPresent(secrets, pair.path("current").asText(""));
                addIfPresent(secrets, pair.path("previous").asText(""));
            } catch (JsonProcessingException e) {
                throw new SecretUnavailableException("the secret looks like JSON but is not valid JSON");
            }
        } else {
            text.lines().limit(2).forEach(line -> addIfPresent(secrets, line));
        }
        return secrets;
    }

    private static void addIfPresent(List<String> secrets, String secret) {
        if (!secret.isBlank()) {
            secrets.add(secret.strip());
        }
    }
}
