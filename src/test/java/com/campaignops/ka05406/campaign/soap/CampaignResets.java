package com.campaignops.ka05406.campaign.soap;

import io.quarkus.arc.ClientProxy;

import java.lang.reflect.Field;

/** Lets tests start each case with no remembered Logon refusal, which main code keeps until breaker-delay ends. */
public final class CampaignResets {

    private CampaignResets() {
    }

    /** Forgets a refused Logon: a fresh reader is no way out, SmallRye allows one breaker named campaign-logon. */
    public static void forgetAuthenticationFailure(SoapCampaignReader reader) {
        try {
            Field authBlock = SoapCampaignReader.class.getDeclaredField("authBlock");
            authBlock.setAccessible(true);
            authBlock.set(ClientProxy.unwrap(reader), null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SoapCampaignReader has no authBlock field any more", e);
        }
    }
}
