package com.campaignops.ka05406.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * Which workflow a line of text names, so that in a digest, a monitoring page or a journal export of several
 * workflows, another workflow's error never decides this one's verdict. A line names a workflow by
 * <ul>
 *   <li>its internal name quoted after the word workflow ({@code Workflow 'mcSynch_rt_prod2' is being run}),
 *       in the console's languages;</li>
 *   <li>a script path ({@code error while evaluating script 'mcSynch_mcExec1/jsReplicateUrl'});</li>
 *   <li>an internal name in the first parentheses after that word, as the monitoring page writes it
 *       ({@code Workflow failed: Message Center rt_prod2 (mcSynch_rt_prod2) (mkt_prod)});</li>
 *   <li>a synchronization workflow's internal name anywhere ({@code mcSynch_rt_prod3: …}).</li>
 * </ul>
 * A line that names none belongs to the notification's workflow. Read by hand rather than by regular
 * expressions: this runs for every journal line, and the expressions were most of a typical diagnosis' cost.
 */
final class WorkflowMentions {

    private static final List<String> WORKFLOW_WORDS = List.of("workflow", "flux de travail", "flusso di lavoro",
            "arbetsflöde", "arbetsflode", "ワークフロー");
    private static final String OPENING_QUOTES = "'\"‘’“”«‹「";
    private static final String CLOSING_QUOTES = "'\"‘’“”»›」";

    private final WorkflowPattern synchronizationWorkflows;

    WorkflowMentions(WorkflowPattern synchronizationWorkflows) {
        this.synchronizationWorkflows = synchronizationWorkflows;
    }

    /** Whether a line naming {@code named} belongs to {@code workflow}: it names it, or names no workflow at all. */
    static boolean belongsTo(List<String> named, String workflow) {
        return named.isEmpty() || named.stream().anyMatch(workflow::equalsIgnoreCase);
    }

    /** The workflows the line ({@code lower}: in lower case) names, in order; empty for most journal lines. */
    List<String> namedIn(String line, String lower) {
        List<String> names = new ArrayList<>(2);
        for (String word : WORKFLOW_WORDS) {
            int at = lower.indexOf(word);
            if (at >= 0) {
                quotedAfterWords(line, lower, word, at, names);
                // "(internalName)" after the word, the first parentheses only: later ones name the instance.
                int open = line.indexOf('(', at + word.length());
                if (open >= 0) {
                    enclosedName(line, open + 1, ")", names);
                }
            }
        }
        scriptPaths(line, names);
        if (line.indexOf('_') >= 0) {
            synchronizationNames(line, names);
        }
        return names;
    }

    /** {@code Workflow 'name'}, {@code workflow: "name"}, {@code ワークフロー「name」}, each occurrence. */
    private static void quotedAfterWords(String line, String lower, String word, int first, List<String> names) {
        for (int at = first; at >= 0; at = lower.indexOf(word, at + 1)) {
            int i = skip(line, at + word.length(), " :");
            if (i < line.length() && OPENING_QUOTES.indexOf(line.charAt(i)) >= 0) {
                enclosedName(line, i + 1, CLOSING_QUOTES, names);
            }
        }
    }

    /** The name at {@code from}, spaces around it allowed, when one of {@code closers} follows it. */
    private static void enclosedName(String line, int from, String closers, List<String> names) {
        int start = skip(line, from, " ");
        int end = nameEnd(line, start);
        int close = skip(line, end, " ");
        if (end > start && close < line.length() && closers.indexOf(line.charAt(close)) >= 0) {
            add(line.substring(start, end), names);
        }
    }

    /** 'name/activity' script paths. */
    private static void scriptPaths(String line, List<String> names) {
        for (int slash = line.indexOf('/'); slash >= 0; slash = line.indexOf('/', slash + 1)) {
            int start = slash;
            while (start > 0 && isNameChar(line.charAt(start - 1))) {
                start--;
            }
            int activityEnd = nameEnd(line, slash + 1);
            if (start < slash && start > 0 && OPENING_QUOTES.indexOf(line.charAt(start - 1)) >= 0
                    && isNameStart(line.charAt(start)) && activityEnd > slash + 1 && activityEnd < line.length()
                    && CLOSING_QUOTES.indexOf(line.charAt(activityEnd)) >= 0) {
                add(line.substring(start, slash), names);
            }
        }
    }

    /** Identifiers with an underscore that the synchronization workflow patterns match ({@code mcSynch_*}). */
    private void synchronizationNames(String line, List<String> names) {
        int i = 0;
        while (i < line.length()) {
            if (isNameStart(line.charAt(i)) && (i == 0 || !isNameChar(line.charAt(i - 1)))) {
                int end = nameEnd(line, i);
                // Only a name with an underscore can be a synchronization workflow's: most words are not cut out.
                int underscore = line.indexOf('_', i + 1);
                if (underscore > i && underscore < end) {
                    String token = line.substring(i, end);
                    if (synchronizationWorkflows.matches(token)) {
                        add(token, names);
                    }
                }
                i = end;
            } else {
                i++;
            }
        }
    }

    private static void add(String name, List<String> names) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    private static int skip(String line, int from, String chars) {
        int i = from;
        while (i < line.length() && chars.indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** Where a Campaign internal name starting at {@code start} ends ({@code start} itself if none starts there). */
    private static int nameEnd(String line, int start) {
        if (start >= line.length() || !isNameStart(line.charAt(start))) {
            return start;
        }
        int i = start + 1;
        while (i < line.length() && isNameChar(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
