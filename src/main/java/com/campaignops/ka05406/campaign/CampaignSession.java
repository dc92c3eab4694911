package com.campaignops.ka05406.campaign;

import java.util.List;

/**
 * One session on the control instance. Safe to use from several threads at once (journals are read
 * side by side). Every method throws {@link CampaignUnavailableException} for a failed read.
 */
public interface CampaignSession extends AutoCloseable {

    /** What the Logon told about the server and the operator; {@link ServerFacts#UNKNOWN} in trusted-IP mode. */
    ServerFacts facts();

    /** The workflows whose internal name matches one of the globs ({@code mcSynch_*}). */
    List<CampaignWorkflow> workflows(List<String> internalNameGlobs);

    /** The journal of one workflow over the last {@code days} days (server clock), oldest line first. */
    CampaignJournal journal(long workflowId, int days);

    /** Logs off when this session logged on; never throws. */
    @Override
    void close();
}
