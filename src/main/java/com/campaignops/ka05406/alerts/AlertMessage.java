package com.campaignops.ka05406.alerts;

import java.util.List;

/**
 * One alert, channel-neutral: strings written by {@link AlertText}, in the order a person reads them. Slack,
 * Teams and the e-mail of a template subscription lay it out; none adds words of its own.
 *
 * @param oneLine the title and summary on one line, for notifications and clients without layout
 * @param more    what did not fit ("…and 12 more: …"), {@code null} when everything did
 */
public record AlertMessage(String title, String summary, String oneLine, List<Item> items, String more, Labels labels,
                           String kbUrl) {

    public AlertMessage {
        items = List.copyOf(items);
    }

    /**
     * One finding.
     *
     * @param fix    {@code null} when there is none to give
     * @param caveat {@code null} when there is none
     */
    public record Item(String heading, String verdict, List<Fact> facts, List<String> evidence, String fix,
                       String caveat) {
        public Item {
            facts = List.copyOf(facts);
            evidence = List.copyOf(evidence);
        }
    }

    public record Fact(String label, String value) {
    }

    public record Labels(String evidence, String fix, String caveat, String kbLink) {
    }
}
