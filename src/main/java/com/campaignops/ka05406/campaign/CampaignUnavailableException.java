package com.campaignops.ka05406.campaign;

/**
 * Campaign could not be read. The message is a reason for the report: it never holds a password, a
 * session token or a security token.
 */
public class CampaignUnavailableException extends RuntimeException {

    private final String faultCode;

    public CampaignUnavailableException(String reason) {
        this(reason, null);
    }

    /** @param faultCode the Campaign error code that came back (e.g. {@code XSV-350012}), or {@code null} */
    public CampaignUnavailableException(String reason, String faultCode) {
        super(reason, null, false, false);
        this.faultCode = faultCode;
    }

    public String faultCode() {
        return faultCode;
    }

    public String reason() {
        return getMessage();
    }
}
