package com.campaignops.ka05406.secrets;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.outbound.BoundedBody;
import com.campaignops.ka05406.outbound.CallFailure;
import com.campaignops.ka05406.outbound.HttpClients;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Reads one SSM parameter or Secrets Manager secret through the AWS Parameters and Secrets Lambda Extension (no
 * AWS SDK; the extension caches too), with the {@code http} group's connect and read timeouts. Application-scoped,
 * so CDI builds it, and its client, on the first read: never during init, which SnapStart snapshots.
 */
@ApplicationScoped
class SecretsExtensionClient implements SecretStore.Fetch {

    /** A parameter or secret is at most 64 KB; the extension's JSON around it adds little. */
    private static final int MAX_ANSWER_BYTES = 128 * 1024;

    /** The extension's local HTTP API: called only here, which owns its timeouts. */
    interface SecretsExtensionEndpoint {
        /** The extension refuses callers that do not present the function's own session token. */
        String TOKEN_HEADER = "X-Aws-Parameters-Secrets-Token";

        @GET
        @Path("/systemsmanager/parameters/get")
        @Produces("application/json")
        Response parameter(@QueryParam("name") String name, @QueryParam("withDecryption") boolean withDecryption,
                           @HeaderParam(TOKEN_HEADER) String sessionToken);

        @GET
        @Path("/secretsmanager/get")
        @Produces("application/json")
        Response secret(@QueryParam("secretId") String secretId, @HeaderParam(TOKEN_HEADER) String sessionToken);
    }

    private final ObjectMapper mapper;
    private final SecretsExtensionEndpoint endpoint;

    SecretsExtensionClient(RestartCheckConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.endpoint = HttpClients.build(SecretsExtensionEndpoint.class, config.webhook().secretsExtensionUrl(),
                config.http().connectTimeout(), config.http().readTimeout(), null);
    }

    @Override
    public String value(SecretRef ref) {
        // Read now, not at init: after a SnapStart restore the runtime hands the function a new token.
        String token = System.getenv("AWS_SESSION_TOKEN");
        boolean parameter = ref.store() == SecretRef.Store.PARAMETER;
        JsonNode answer;
        try {
            answer = mapper.readTree(BoundedBody.read(HttpClients.call(() -> parameter
                    ? endpoint.parameter(ref.name(), true, token) : endpoint.secret(ref.name(), token)), MAX_ANSWER_BYTES));
        } catch (CallFailure e) {
            throw new SecretUnavailableException(e.getMessage().startsWith("HTTP ")
                    ? "the extension answered " + e.getMessage() : "the extension did not answer (" + e.getMessage() + ")");
        } catch (JsonProcessingException e) {
            throw new SecretUnavailableException("the extension's answer is not JSON");
        }
        String value = (parameter ? answer.path("Parameter").path("Value") : answer.path("SecretString")).asText("");
        if (value.isBlank()) {
            throw new SecretUnavailableException("the parameter or secret is empty");
        }
        return value;
    }
}
