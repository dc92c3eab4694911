package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.notification.WorkflowNames;

import java.util.List;

/**
 * Which workflows are Message Center synchronization workflows: globs such as {@code mcSynch_*},
 * matched without regard to case because operators type internal names by hand.
 */
public final class WorkflowPattern {

    private final List<String> globs;
    /** The globs as code points: a regex's '.' takes a whole character, an emoji's surrogate pair too. */
    private final List<int[]> compiled;
    /** As the evidence names them, written once: every verdict says which patterns the workflow was held to. */
    private final String described;

    public WorkflowPattern(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.compiled = this.globs.stream().map(WorkflowPattern::codePoints).toList();
        this.described = String.join(", ", this.globs);
    }

    public boolean matches(String workflow) {
        if (workflow == null) {
            return false;
        }
        int[] name = codePoints(workflow);
        for (int[] glob : compiled) {
            if (matches(glob, name)) {
                return true;
            }
        }
        return false;
    }

    /** How these globs name each instance's workflow, and read the instance back from a workflow's name. */
    public WorkflowNames names() {
        return new WorkflowNames(globs);
    }

    @Override
    public String toString() {
        return described;
    }

    /**
     * {@code *} any run of characters, {@code ?} one, anything else itself, ASCII letters in either case; no
     * wildcard spans a line break. Matched by hand, not as a regex, as it runs on every notification.
     */
    private static boolean matches(int[] glob, int[] name) {
        int g = 0;
        int n = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (n < name.length) {
            if (g < glob.length && glob[g] == '*') {
                starAt = g++;
                resumeAt = n;
            } else if (g < glob.length
                    && (glob[g] == '?' ? !isLineBreak(name[n]) : sameIgnoringAsciiCase(glob[g], name[n]))) {
                g++;
                n++;
            } else if (starAt >= 0 && !isLineBreak(name[resumeAt])) {
                // Let the last star take one more character and try the rest of the glob again.
                g = starAt + 1;
                n = ++resumeAt;
            } else {
                return false;
            }
        }
        while (g < glob.length && glob[g] == '*') {
            g++;
        }
        return g == glob.length;
    }

    /** {@code text.codePoints().toArray()} without a stream: this runs for every name a journal line holds. */
    private static int[] codePoints(String text) {
        int[] points = new int[text.codePointCount(0, text.length())];
        for (int i = 0, p = 0; i < text.length(); p++) {
            points[p] = text.codePointAt(i);
            i += Character.charCount(points[p]);
        }
        return points;
    }

    private static boolean sameIgnoringAsciiCase(int a, int b) {
        return a == b || (a < 0x80 && b < 0x80 && Character.toLowerCase(a) == Character.toLowerCase(b));
    }

    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
