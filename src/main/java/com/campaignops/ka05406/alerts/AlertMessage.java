package com.campaignops.ka05406.alerts;

import java.util.List;

/**
 * One alert, channel-neutral: plain strings written by {@link AlertText}, in the order a person reads them. Slack
 * and Teams lay it out, escape every string for their markup, and add nothing but colour and layout.
 *
 * @param title        the heading: what and how many
 * @param notification the one line a phone or a client without layout shows: with three findings or fewer it names
 *                     each workflow and, where there is one, its new start time
 * @param summary      how many of each severity
 * @param groups       one per distinct action, FAILING first, then AT_RISK, then UNKNOWN
 * @param caveat       Adobe's caveat about the tracking workflow, once, when a group moves a scheduler; else
 *                     {@code null}
 * @param more         the groups that did not fit, named ("…and 3 more: …"), {@code null} when everything did
 */
public record AlertMessage(String title, String notification, String summary, List<Group> groups, String caveat,
                           String more, Labels labels, String kbUrl) {

    public AlertMessage {
        groups = List.copyOf(groups);
    }

    /**
     * Findings that need the same action, said once: one finding, or identical at-risk findings as one list.
     *
     * @param heading   the severity and the workflow, or how many workflows
     * @param what      what happens, in one sentence
     * @param workflows the workflows of a group of more than one, as the language lists them; {@code null} for one
     *                  (the heading names it)
     * @param where     where to act: the control instance's menu path, or {@code null} when nothing is moved
     * @param change    the exact change, or what to check
     * @param why       where the restart time came from, in one short sentence, or {@code null}
     */
    public record Group(Finding.Severity severity, String heading, String what, String workflows, String where,
                        String change, String why) {
    }

    /** Labels as the language writes them, punctuation included ("Fix:", "Correctif :", "対処："). */
    public record Labels(String workflows, String where, String change, String why, String kbLink) {
    }
}
