package com.campaignops.ka05406.webhook;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.outbound.BoundedBody;
import com.campaignops.ka05406.outbound.CallFailure;
import com.campaignops.ka05406.outbound.HttpClients;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * Reads one SSM parameter or Secrets Manager secret through the AWS Parameters and Secrets Lambda Extension
 * (no AWS SDK; the extension caches). Used for the webhook secret, the Campaign password and alert channels' URLs.
 * Its client is built on the first read: nothing connects during init, which SnapStart snapshots, and a function
 * that reads no secret never builds it.
 */
@ApplicationScoped
public class ParametersAndSecrets {

    /** A parameter or secret is at most 64 KB; the extension's JSON around it adds little. */
    private static final int MAX_ANSWER_BYTES = 128 * 1024;

    private final RestartCheckConfig config;
    private final ObjectMapper mapper;
    private SecretsExtensionEndpoint endpoint;

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

    private String read(Supplier<Response> call, String object, String field) {
        try {
            var answer = mapper.readTree(BoundedBody.read(HttpClients.call(call), MAX_ANSWER_BYTES));
            return (object == null ? answer : answer.path(object)).path(field).asText("");
        } catch (CallFailure e) {
            throw new SecretUnavailableException(e.getMessage().startsWith("HTTP ")
                    ? "the extension answered " + e.getMessage() : "the extension did not answer (" + e.getMessage() + ")");
        } catch (JsonProcessingException e) {
            throw new SecretUnavailableException("the extension's answer is not JSON");
        }
    }

    private synchronized SecretsExtensionEndpoint endpoint() {
        if (endpoint == null) {
            endpoint = HttpClients.build(SecretsExtensionEndpoint.class, config.webhook().secretsExtensionUrl(),
                    config.http().connectTimeout(), config.http().readTimeout(), null);
        }
        return endpoint;
    }

    /** Read now, not at init: after a SnapStart restore the runtime hands the function a new token. */
    private static String sessionToken() {
        return System.getenv("AWS_SESSION_TOKEN");
    }
}
