package com.campaignops.ka05406.sweep;

import com.campaignops.ka05406.campaign.CampaignJournalLine;

import java.time.Instant;
import java.util.List;

/**
 * One run of a workflow, as its journal shows it: lines close together in time.
 *
 * @param start        the first line's time: when the run started
 * @param failed       whether any line is an error (by its level, or by its text)
 * @param signatureAt  when the run logged KA-05406's signature, or {@code null}
 */
public record Run(Instant start, List<CampaignJournalLine> lines, boolean failed, Instant signatureAt) {

    public Run {
        lines = List.copyOf(lines);
    }
}
