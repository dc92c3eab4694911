package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.restart.RestartSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns findings into one {@link AlertMessage}: findings that need the same action become one group said once (ten
 * identical at-risk workflows are one list with one fix), groups are ordered FAILING, AT_RISK, UNKNOWN and, within a
 * severity, the smaller (the different action) first; at most a given number of groups are shown, the rest named.
 */
public final class AlertComposer {

    private final AlertText text;

    public AlertComposer(AlertText text) {
        this.text = text;
    }

    /**
     * @param maxGroups how many groups (distinct actions) to show in full (at least one); the others are named in
     *                  {@code more}
     */
    public AlertMessage compose(List<Finding> findings, int maxGroups) {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("an alert needs a finding");
        }
        List<List<Finding>> groups = groups(findings);
        int shown = Math.max(1, Math.min(maxGroups, groups.size()));
        List<AlertMessage.Group> laidOut = new ArrayList<>();
        for (List<Finding> group : groups.subList(0, shown)) {
            laidOut.add(new AlertMessage.Group(group.get(0).severity(), text.heading(group), text.what(group),
                    text.workflows(group), text.where(group), text.change(group), text.why(group.get(0))));
        }
        boolean moves = laidOut.stream().anyMatch(group -> group.where() != null);
        String more = shown < groups.size() ? text.more(groups.subList(shown, groups.size())) : null;
        return new AlertMessage(text.title(findings), text.notification(findings), text.summary(findings), laidOut,
                moves ? text.caveat() : null, more, text.labels(), AlertText.KB_URL);
    }

    /**
     * At-risk findings with the same action (same colliding run, restart, source and fix) are one group; every other
     * finding is its own. Ordered by severity, then size (the odd one out first), then first appearance.
     */
    static List<List<Finding>> groups(List<Finding> findings) {
        Map<Object, List<Finding>> byAction = new LinkedHashMap<>();
        for (Finding f : findings) {
            Object key = f.kind() == Finding.Kind.AT_RISK && f.fix() != null ? new SameAction(f.run(), f.restartAt(),
                    f.restartSource(), f.zone(), f.fix().schedulerStart(), f.fix().timeZone(), f.fix().everyMinutes())
                    : new Object();
            byAction.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<List<Finding>> groups = new ArrayList<>(byAction.values());
        groups.sort(Comparator.<List<Finding>, Finding.Severity>comparing(group -> group.get(0).severity())
                .thenComparingInt(List::size));
        return groups;
    }

    /** What makes two at-risk findings one action: everything the group's sentences say once for all. */
    private record SameAction(String run, Instant restartAt, RestartSource source, String zone, String start,
                              String startZone, int every) {
    }
}
