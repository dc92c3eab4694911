package com.campaignops.ka05406.campaign;

/**
 * Port: reads the control instance's workflows and their journals. Read-only by contract: nothing
 * behind it writes to Campaign or restarts a workflow.
 */
public interface CampaignReader {

    /** Whether a Campaign URL is configured at all; when not, nothing is read and no session opens. */
    boolean configured();

    /**
     * Opens one session for a whole sweep (one Logon, or a configured trusted-IP session token).
     * Closing it logs off when it logged on, also after errors.
     *
     * @throws CampaignUnavailableException when Campaign cannot be reached or refuses the logon
     */
    CampaignSession open();
}
