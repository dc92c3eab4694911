package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the webhook secret from SSM Parameter Store or Secrets Manager through the AWS Parameters and
 * Secrets Lambda Extension, so the function needs no AWS SDK and the extension's own cache spares the
 * API calls. The client is built on first use: nothing connects during init, which SnapStart snapshots.
 */
@ApplicationScoped
class SecretsExtension {

    private final RestartCheckConfig config;
    private final ObjectMapper mapper;
    private volatile SecretsExtensionEndpoint endpoint;

    SecretsExtension(RestartCheckConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    boolean configured() {
        return config.webhook().secretParameter().isPresent() || config.webhook().secretId().isPresent();
    }

    /**
     * @return the accepted secrets, current first
     * @throws SecretUnavailableException with a reason that names neither the secret nor the token
     */
    List<String> read() {
        // Read now, not at init: after a SnapStart restore the runtime hands the function a new token.
        String sessionToken = System.getenv("AWS_SESSION_TOKEN");
        RestartCheckConfig.Webhook webhook = config.webhook();
        String value;
        try {
            if (webhook.secretParameter().isPresent()) {
                value = mapper.readTree(endpoint().parameter(webhook.secretParameter().get(), true, sessionToken))
                        .path("Parameter").path("Value").asText("");
            } else {
                value = mapper.readTree(endpoint().secret(webhook.secretId().orElseThrow(), sessionToken))
                        .path("SecretString").asText("");
            }
        } catch (WebApplicationException e) {
            throw new SecretUnavailableException("the extension answered HTTP " + e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw new SecretUnavailableException("the extension did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (JsonProcessingException e) {
            throw new SecretUnavailableException("the extension's answer is not JSON");
        }
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
