package com.campaignops.ka05406.alerts;

import java.util.ArrayList;
import java.util.List;

/** Turns findings into one {@link AlertMessage}, with at most a given number shown and the rest named. */
public final class AlertComposer {

    /** Evidence lines shown per finding; the rest are counted ("… 2 more in the report"). */
    public static final int KEY_EVIDENCE = 3;

    private final AlertText text;

    public AlertComposer(AlertText text) {
        this.text = text;
    }

    /**
     * @param maxItems how many findings to show in full (at least one); the others are named in {@code more}
     */
    public AlertMessage compose(List<Finding> findings, int maxItems) {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("an alert needs a finding");
        }
        int shown = Math.max(1, Math.min(maxItems, findings.size()));
        List<AlertMessage.Item> items = new ArrayList<>();
        for (Finding f : findings.subList(0, shown)) {
            List<String> evidence = new ArrayList<>(f.evidence().subList(0, Math.min(KEY_EVIDENCE, f.evidence().size())));
            if (f.evidence().size() > KEY_EVIDENCE) {
                evidence.add(text.moreEvidence(f.evidence().size() - KEY_EVIDENCE));
            }
            items.add(new AlertMessage.Item(text.heading(f), text.verdict(f), List.of(
                    new AlertMessage.Fact(text.workflowLabel(), f.workflow()),
                    new AlertMessage.Fact(text.instanceLabel(), text.instance(f)),
                    new AlertMessage.Fact(text.whenLabel(), text.when(f))),
                    evidence, text.fix(f), text.caveat(f)));
        }
        String more = shown < findings.size() ? text.more(findings.subList(shown, findings.size())) : null;
        return new AlertMessage(text.title(findings), text.summary(findings), text.oneLine(findings), items, more,
                new AlertMessage.Labels(text.evidenceLabel(), text.fixLabel(), text.caveatLabel(), text.kbLinkLabel()),
                AlertText.KB_URL);
    }
}
