package com.campaignops.ka05406.campaign.soap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * Campaign's SOAP router on the control instance, at the configured URL. Package-private: only
 * {@link SoapCampaignReader}, which owns its timeouts, retries and breaker, may call it.
 */
interface SoapRouterEndpoint {

    /**
     * @param action        {@code xtk:session#Logon}, {@code xtk:queryDef#ExecuteQuery}…
     * @param cookie        {@code __sessiontoken=…}, or {@code null} before the Logon
     * @param securityToken the Logon's security token, or {@code null}
     * @return the raw answer, so its status and size are checked before the body is read
     */
    @POST
    @Path("/nl/jsp/soaprouter.jsp")
    @Consumes("text/xml; charset=utf-8")
    @Produces({"text/xml", "application/xml", "text/html;q=0.1"})
    Response call(@HeaderParam("SOAPAction") String action, @HeaderParam("Cookie") String cookie,
                  @HeaderParam("X-Security-Token") String securityToken, String envelope);
}
