package com.campaignops.ka05406.notification;

import java.util.Locale;

/**
 * A workflow as an operator names it: its internal name ({@code mcSynch_rt_prod2}), its label as the console and
 * the supervisor mail show it ({@code Message Center rt_prod2}), or both ({@code Message Center rt_prod2
 * (mcSynch_rt_prod2)}).
 */
public final class WorkflowNames {

    /** The label Campaign gives each synchronization workflow: "Message Center " and the external account. */
    private static final String MESSAGE_CENTER_LABEL = "message center ";
    private static final String MC_SYNCH_PREFIX = "mcSynch_";

    private WorkflowNames() {
    }

    /** The internal name the text names, or the text itself when it names none more precisely. */
    static String internalNameOf(String text) {
        String named = text.strip();
        if (named.endsWith(")")) {
            int open = named.lastIndexOf('(');
            String inner = open < 0 ? "" : named.substring(open + 1, named.length() - 1).strip();
            if (isInternalName(inner)) {
                return inner;
            }
        }
        if (named.toLowerCase(Locale.ROOT).startsWith(MESSAGE_CENTER_LABEL)) {
            String account = named.substring(MESSAGE_CENTER_LABEL.length()).strip();
            if (isInternalName(account)) {
                return MC_SYNCH_PREFIX + account;
            }
        }
        return named;
    }

    /** The longest internal name this function accepts, for an external account or a workflow. */
    public static final int MAX_NAME_LENGTH = 64;

    /**
     * An external account's internal name as {@code mcSynch_<name>} carries it: 1 to {@value #MAX_NAME_LENGTH}
     * letters, digits or underscores. The one rule for the notification's instance and the configured ones.
     */
    public static boolean isAccountName(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Campaign internal names: a letter or underscore, then letters, digits and underscores. */
    static boolean isInternalName(String text) {
        if (text.isEmpty() || text.length() > MAX_NAME_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
