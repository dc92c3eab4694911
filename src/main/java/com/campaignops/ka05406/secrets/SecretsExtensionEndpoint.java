package com.campaignops.ka05406.secrets;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The AWS Parameters and Secrets Lambda Extension's local HTTP API. Package-private: only
 * {@link SecretsExtensionClient}, which owns its timeouts, may call it.
 */
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
