package com.campaignops.ka05406.campaign;

import java.time.Instant;

/**
 * One row of {@code xtk:workflow}.
 *
 * @param state     {@code @state}: 13 paused, 20 stopped/finished, 11 started (Adobe SDK constants)
 * @param failed    {@code @failed = 1}: in error; a failed workflow is paused (13) and failed
 * @param lastStart {@code @lastStart}, UTC, or {@code null}
 */
public record CampaignWorkflow(long id, String internalName, int state, boolean failed, Instant lastStart) {

    /** A readable name for {@code @state}, as Adobe's SDK names the constants. */
    public String stateName() {
        if (failed) {
            return "failed";
        }
        return switch (state) {
            case 0 -> "edition";
            case 2 -> "running";
            case 3, 11 -> "started";
            case 9 -> "testing";
            case 10 -> "starting";
            case 12 -> "pausing";
            case 13 -> "paused";
            case 14 -> "resuming";
            case 15, 16 -> "stopping";
            case 17, 18 -> "restarting";
            case 20 -> "stopped";
            default -> "state " + state;
        };
    }

    /** Paused or failed: mcSynch stays so after a failure until someone restarts it. */
    public boolean isHeld() {
        return failed || state == 13;
    }
}
