package com.campaignops.ka05406.notification;

import java.util.List;
import java.util.Locale;

/**
 * The one rule between an execution instance and its workflow, from the {@code workflow-patterns} globs: in a glob
 * with one {@code *} and no {@code ?}, the star is the external account ({@code mcSynch_*}: instance {@code mcExec1},
 * workflow {@code mcSynch_mcExec1}); with no such glob, Campaign's own {@code mcSynch_<account>}. Also reads a
 * workflow as an operator names it: its internal name, its label as the console and the supervisor mail show it
 * ({@code Message Center rt_prod2}), or both ({@code Message Center rt_prod2 (mcSynch_rt_prod2)}).
 */
public final class WorkflowNames {

    public static final WorkflowNames DEFAULT = new WorkflowNames(List.of("mcSynch_*"));
    /** The label Campaign gives each synchronization workflow: "Message Center " and the external account. */
    private static final String MESSAGE_CENTER_LABEL = "message center ";
    /** The longest internal name this function accepts, for an external account or a workflow. */
    public static final int MAX_NAME_LENGTH = 64;

    /** Each glob that names an account, as the text before its star and the text after it. */
    private final List<String[]> accountGlobs;

    public WorkflowNames(List<String> globs) {
        List<String[]> named = globs.stream()
                .filter(g -> g.indexOf('*') >= 0 && g.indexOf('*') == g.lastIndexOf('*') && g.indexOf('?') < 0)
                .map(g -> new String[] {g.substring(0, g.indexOf('*')), g.substring(g.indexOf('*') + 1)}).toList();
        this.accountGlobs = named.isEmpty() ? List.<String[]>of(new String[] {"mcSynch_", ""}) : named;
    }

    /** The instance a workflow's name carries (its letters matched without case), or {@code null}. */
    public String instanceOf(String workflow) {
        for (String[] glob : accountGlobs) {
            int end = workflow.length() - glob[1].length();
            if (end > glob[0].length() && workflow.regionMatches(true, 0, glob[0], 0, glob[0].length())
                    && workflow.regionMatches(true, end, glob[1], 0, glob[1].length())
                    && isAccountName(workflow.substring(glob[0].length(), end))) {
                return workflow.substring(glob[0].length(), end);
            }
        }
        return null;
    }

    /** The synchronization workflow of {@code instance}, by the first glob that names an account. */
    public String workflowOf(String instance) {
        return accountGlobs.get(0)[0] + instance + accountGlobs.get(0)[1];
    }

    /** The internal name the stripped text names, or the text itself when it names none more precisely. */
    String internalNameOf(String named) {
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
                return workflowOf(account);
            }
        }
        return named;
    }

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
        return isAccountName(text) && !(text.charAt(0) >= '0' && text.charAt(0) <= '9');
    }
}
