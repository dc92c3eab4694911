package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import java.util.concurrent.TimeUnit;

/**
 * Reads one SSM parameter or Secrets Manager secret through the AWS Parameters and Secrets Lambda Extension
 * (no AWS SDK; the extension caches). Used for the webhook secret and for alert channels' URLs. The client is
 * built on first use: nothing connects during init, which SnapStart snapshots.
 */
@ApplicationScoped
public class ParametersAndSecrets {

    private final RestartCheckConfig config;
    private final ObjectMapper mapper;
    private volatile SecretsExtensionEndpoint endpoint;

    ParametersAndSecrets(RestartCheckConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * The decrypted value of an SSM parameter.
     *
     * @throws SecretUnavailableException with a reason that names neither the parameter's value nor the token
     */
    public String parameter(String name) {
        return read(() -> endpoint().parameter(name, true, sessionToken()), "Parameter", "Value");
    }

    /** The {@code SecretString} of a Secrets Manager secret; throws as {@link #parameter}. */
    public String secret(String secretId) {
        return read(() -> endpoint().secret(secretId, sessionToken()), null, "SecretString");
    }

    private interface Call {
        String get();
    }

    private String read(Call call, String object, String field) {
        try {
            var answer = mapper.readTree(call.get());
            return (object == null ? answer : answer.path(object)).path(field).asText("");
        } catch (WebApplicationException e) {
            throw new SecretUnavailableException("the extension answered HTTP " + e.getResponse().getStatus());
        } catch (ProcessingException e) {
            throw new SecretUnavailableException("the extension did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (JsonProcessingException e) {
            throw new SecretUnavailableException("the extension's answer is not JSON");
        }
    }

    /** Read now, not at init: after a SnapStart restore the runtime hands the function a new token. */
    private static String sessionToken() {
        return System.getenv("AWS_SESSION_TOKEN");
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
