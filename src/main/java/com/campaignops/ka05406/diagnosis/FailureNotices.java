package com.campaignops.ka05406.diagnosis;

import java.util.List;

/**
 * Texts that only say a workflow failed, not why: the default supervisor mail ("Notification to a workflow
 * supervisor") and the monitoring page's "Workflow failed:" line, in the console's languages. They are not the
 * error, and taking them for one would wrongly rule KA-05406 out; the error is in the workflow's journal.
 */
final class FailureNotices {

    /**
     * Sentences of Adobe's template and monitoring page (English, German and Japanese as the localized docs show
     * them; French as a translation would read). Looked for with indexOf, not a regex: this runs for every
     * journal line, and an alternation without a literal prefix is tried at every position.
     */
    private static final List<String> LOWER_CASE_PHRASES = List.of("workflow failed", "an error occurred on the workflow instance",
            "requires a manual intervention", "ein fehler aufgetreten", "erfordert einen manuellen eingriff",
            "でエラーが発生しました", "手動の介入が必要", "une erreur s'est produite sur l'instance de workflow",
            "intervention manuelle");

    private FailureNotices() {
    }

    static boolean isNoticeInLowerCase(String lower) {
        for (String phrase : LOWER_CASE_PHRASES) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
