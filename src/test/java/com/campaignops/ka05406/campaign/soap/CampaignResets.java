package com.campaignops.ka05406.campaign.soap;

/** Lets tests in other packages start each case with no remembered Logon refusal. */
public final class CampaignResets {

    private CampaignResets() {
    }

    public static void forgetAuthenticationFailure(SoapCampaignReader reader) {
        reader.forgetAuthenticationFailure();
    }
}
