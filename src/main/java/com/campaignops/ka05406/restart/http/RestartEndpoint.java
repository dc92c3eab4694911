package com.campaignops.ka05406.restart.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * The execution instance's restart endpoint, at exactly the configured URL. Package-private: only
 * {@link HttpRestartTimeSource}, which owns its timeouts, retries and breaker, may call it.
 */
interface RestartEndpoint {

    @GET
    @Produces({"application/json", "application/xml", "text/xml", "text/plain;q=0.5"})
    /** The raw answer, so that {@code BoundedBody} can check its status and size before reading the body. */
    Response fetch();
}
