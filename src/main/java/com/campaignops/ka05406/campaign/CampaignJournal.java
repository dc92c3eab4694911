package com.campaignops.ka05406.campaign;

import java.util.List;

/**
 * A workflow's journal as read.
 *
 * @param lines  oldest first
 * @param capped whether more lines existed than {@code max-lines}: then only the newest were kept
 */
public record CampaignJournal(List<CampaignJournalLine> lines, boolean capped) {

    public CampaignJournal {
        lines = List.copyOf(lines);
    }
}
