package com.campaignops.ka05406.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which workflow a line of text names, so that in a digest, a monitoring page or a journal export of several
 * workflows, another workflow's error never decides this one's verdict. A line names a workflow by
 * <ul>
 *   <li>its internal name quoted after the word workflow ({@code Workflow 'mcSynch_rt_prod2' is being run}),
 *       in the console's languages;</li>
 *   <li>a script path ({@code error while evaluating script 'mcSynch_mcExec1/jsReplicateUrl'});</li>
 *   <li>an internal name in parentheses after a label, as the monitoring page writes it
 *       ({@code Workflow failed: Message Center rt_prod2 (mcSynch_rt_prod2)});</li>
 *   <li>a synchronization workflow's internal name anywhere ({@code mcSynch_rt_prod3: …}).</li>
 * </ul>
 * A line that names none belongs to the notification's workflow.
 */
final class WorkflowMentions {

    private static final String NAME = "([A-Za-z_][A-Za-z0-9_]*)";
    private static final String WORKFLOW_WORD = "(?:workflow|flux de travail|flusso di lavoro|arbetsfl(?:ö|o)de|ワークフロー)";
    private static final Pattern QUOTED_AFTER_WORD = Pattern.compile(
            "(?i)" + WORKFLOW_WORD + "\\s*:?\\s*['\"‘’“”«‹]\\s*" + NAME + "\\s*['\"‘’“”»›]");
    private static final Pattern SCRIPT_PATH = Pattern.compile("['\"‘’]" + NAME + "/[A-Za-z_][A-Za-z0-9_]*['\"‘’]");
    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(\\s*" + NAME + "\\s*\\)");
    private static final Pattern WORKFLOW_WORD_ANYWHERE = Pattern.compile("(?i)" + WORKFLOW_WORD);
    private static final Pattern IDENTIFIER_WITH_UNDERSCORE = Pattern.compile("(?<![A-Za-z0-9_])" + NAME);

    private final WorkflowPattern synchronizationWorkflows;

    WorkflowMentions(WorkflowPattern synchronizationWorkflows) {
        this.synchronizationWorkflows = synchronizationWorkflows;
    }

    /** Whether the line belongs to {@code workflow}: it names it, or names no workflow at all. */
    boolean belongsTo(String line, String workflow) {
        List<String> named = namedIn(line);
        return named.isEmpty() || named.stream().anyMatch(workflow::equalsIgnoreCase);
    }

    /** The workflows the line names, in order; empty for most journal lines. */
    List<String> namedIn(String line) {
        boolean underscore = line.indexOf('_') >= 0;
        boolean word = mayHoldWorkflowWord(line);
        if (!underscore && !word && line.indexOf('/') < 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>(2);
        if (word) {
            collect(QUOTED_AFTER_WORD.matcher(line), names);
            // "Workflow failed: <label> (<internalName>) (<instance>)": the first parentheses hold the workflow.
            Matcher parentheses = IN_PARENTHESES.matcher(line);
            if (WORKFLOW_WORD_ANYWHERE.matcher(line).find() && parentheses.find() && !names.contains(parentheses.group(1))) {
                names.add(parentheses.group(1));
            }
        }
        collect(SCRIPT_PATH.matcher(line), names);
        if (underscore) {
            Matcher m = IDENTIFIER_WITH_UNDERSCORE.matcher(line);
            while (m.find()) {
                String token = m.group(1);
                if (token.indexOf('_') > 0 && synchronizationWorkflows.matches(token) && !names.contains(token)) {
                    names.add(token);
                }
            }
        }
        return names;
    }

    private static void collect(Matcher m, List<String> names) {
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
    }

    /** A cheap look for the word before the regex: nearly every journal line lacks it. */
    private static boolean mayHoldWorkflowWord(String line) {
        return containsIgnoringCase(line, "orkflow") || containsIgnoringCase(line, "flux de")
                || containsIgnoringCase(line, "flusso") || containsIgnoringCase(line, "arbetsfl")
                || line.contains("ワークフロー");
    }

    private static boolean containsIgnoringCase(String text, String lowerCaseWord) {
        for (int i = 0; i + lowerCaseWord.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, lowerCaseWord, 0, lowerCaseWord.length())) {
                return true;
            }
        }
        return false;
    }
}
