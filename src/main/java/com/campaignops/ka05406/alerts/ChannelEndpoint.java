package com.campaignops.ka05406.alerts;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;

/**
 * A channel's incoming webhook, at exactly its configured URL. Package-private: only {@link ChannelSender},
 * which owns its timeouts and its one retry, may call it.
 */
interface ChannelEndpoint {

    /** Headers left {@code null} are not sent (Slack and Teams are not signed). */
    @POST
    @Consumes("application/json")
    Response post(byte[] body,
                  @HeaderParam(WebhookChannel.TIMESTAMP_HEADER) String timestamp,
                  @HeaderParam(WebhookChannel.SIGNATURE_HEADER) String signature);
}
