package com.campaignops.ka05406.campaign;

/**
 * Campaign could not be read. The message is a reason for the report: it never holds a password, a
 * session token or a security token.
 */
public class CampaignUnavailableException extends RuntimeException {

    public CampaignUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
