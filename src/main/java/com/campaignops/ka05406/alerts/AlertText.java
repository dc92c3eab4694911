package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.restart.RestartSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every human sentence an alert carries, and nothing else: the channels only lay these strings out. One instance
 * per language; each sentence, label and its punctuation comes whole from the catalogue ({@code alert.*} keys of
 * {@code messages/}). Machine parts (workflow and instance names, {@code HH:mm} starts, zone ids, Campaign's error
 * message, the reason a source gave, the KB URL) are arguments and stay as they are.
 *
 * <p>{@link #compose} makes them one {@link AlertMessage}: findings that need the same action become one group said
 * once (ten identical at-risk workflows are one list with one fix), groups are ordered FAILING, AT_RISK, UNKNOWN
 * and, within a severity, the smaller (the different action) first; at most a given number of groups are shown, the
 * rest named.
 */
public final class AlertText {

    public static final String KB_URL =
            "https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-05406";
    /** Campaign's own error message: quoted as Campaign writes it, in every language. */
    static final String LOGON_ERROR = "Empty return for method 'Logon' of service 'xtk:session'";
    /** A group's list names at most this many workflows; the rest are counted. */
    static final int MAX_LISTED = 50;
    /** A reason quoted from a source or Campaign is cut to this length: the report has it whole. */
    static final int MAX_PROBLEM_CHARS = 300;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Messages messages;

    public AlertText(Language language) {
        this.messages = Messages.of(language);
    }

    /**
     * The language of one channel's alerts, in order: the channel's {@code language}
     * ({@code restart-check.alerts.slack.language}…), {@code restart-check.alerts.language},
     * {@code restart-check.language}, English. A tag not spoken here falls back along its parents, then to English.
     */
    public static Language choose(String channelTag, String alertsTag, String generalTag) {
        for (String tag : new String[]{channelTag, alertsTag, generalTag}) {
            if (tag != null && !tag.isBlank()) {
                return Language.ofTag(tag);
            }
        }
        return Language.EN;
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
        List<AlertMessage.Group> laidOut = groups.subList(0, shown).stream().map(group -> new AlertMessage.Group(
                group.get(0).severity(), heading(group), what(group), workflows(group), where(group), change(group),
                why(group.get(0)))).toList();
        boolean moves = laidOut.stream().anyMatch(group -> group.where() != null);
        String more = shown < groups.size() ? more(groups.subList(shown, groups.size())) : null;
        return new AlertMessage(title(findings), notification(findings), summary(findings), laidOut,
                moves ? messages.get("alert.caveat") : null, more, labels(), KB_URL);
    }

    /**
     * At-risk findings with the same action (same colliding run, restart, source and fix) are one group; every other
     * finding is its own. Ordered by severity, then size (the odd one out first), then first appearance.
     */
    private static List<List<Finding>> groups(List<Finding> findings) {
        Map<Object, List<Finding>> byAction = new LinkedHashMap<>();
        for (Finding f : findings) {
            // What makes two at-risk findings one action: everything the group's sentences say once for all.
            Object key = f.kind() == Finding.Kind.AT_RISK && f.fix() != null ? Arrays.asList(f.run(), f.restartAt(),
                    f.restartSource(), f.zone(), f.fix().schedulerStart(), f.fix().timeZone(), f.fix().everyMinutes())
                    : new Object();
            byAction.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        List<List<Finding>> groups = new ArrayList<>(byAction.values());
        groups.sort(Comparator.<List<Finding>, Finding.Severity>comparing(group -> group.get(0).severity())
                .thenComparingInt(List::size));
        return groups;
    }

    // The strings of an AlertMessage, each as its documentation there says.
    String title(List<Finding> findings) {
        if (findings.size() == 1) {
            Finding f = findings.get(0);
            return messages.get(f.kind() == Finding.Kind.MATCH ? "alert.title.match"
                    : "alert.title." + f.severity().name(), f.workflow());
        }
        return messages.get("alert.title.many", findings.size());
    }

    String notification(List<Finding> findings) {
        if (findings.size() > 3) {
            return messages.get("alert.oneLine", title(findings), summary(findings));
        }
        return messages.get("alert.notify", findings.stream().map(f -> f.fix() == null
                ? messages.get("alert.notify.UNKNOWN", f.workflow())
                : messages.get(f.severity() == Finding.Severity.FAILING ? "alert.notify.FAILING" : "alert.notify.AT_RISK",
                f.workflow(), f.fix().schedulerStart(), f.fix().timeZone()))
                .reduce((joined, next) -> messages.get("alert.notify.join", joined, next)).orElseThrow());
    }

    String summary(List<Finding> findings) {
        Map<Finding.Severity, Long> counts = findings.stream()
                .collect(Collectors.groupingBy(Finding::severity, TreeMap::new, Collectors.counting()));
        return messages.get("alert.summary", messages.commaList(counts.entrySet().stream()
                .map(e -> messages.get("alert.count", e.getValue(), severityName(e.getKey()))).toList()));
    }

    private String severityName(Finding.Severity severity) {
        return messages.get("alert.severity." + severity.name());
    }

    String heading(List<Finding> group) {
        Finding first = group.get(0);
        String who = group.size() == 1 ? first.workflow() : messages.get("alert.workflows.count", group.size());
        return messages.get("alert.heading." + first.severity().name(), who);
    }

    String what(List<Finding> group) {
        Finding f = group.get(0);
        return switch (f.kind()) {
            case AT_RISK -> group.size() == 1
                    ? messages.get("alert.what.AT_RISK", f.run(), cadence(f), time(f.restartAt(), f.zone()),
                    instance(f), LOGON_ERROR)
                    : messages.get("alert.what.AT_RISK.many", f.run(), cadence(f), time(f.restartAt(), f.zone()),
                    LOGON_ERROR);
            case MATCH, FAILING -> messages.get("alert.what.FAILING", dateTime(f.at(), f.zone()),
                    time(f.restartAt(), f.zone()), instance(f));
            case UNKNOWN -> messages.get(serverZoneUnknown(f) ? "alert.what.serverZone" : "alert.what.UNKNOWN",
                    instance(f), f.workflow());
            case CAMPAIGN_UNREADABLE -> messages.get("alert.what.CAMPAIGN_UNREADABLE", f.workflow(), problem(f));
        };
    }

    String workflows(List<Finding> group) {
        if (group.size() == 1) {
            return null;
        }
        List<String> names = new ArrayList<>(group.stream().limit(MAX_LISTED).map(Finding::workflow).toList());
        if (group.size() > MAX_LISTED) {
            names.add(messages.get("alert.workflows.more", group.size() - MAX_LISTED));
        }
        return messages.commaList(names);
    }

    String where(List<Finding> group) {
        return group.get(0).fix() == null ? null : messages.get("alert.where",
                group.size() == 1 ? group.get(0).workflow() : messages.get("alert.where.each"));
    }

    String change(List<Finding> group) {
        Finding f = group.get(0);
        if (f.fix() != null) {
            String key = f.severity() == Finding.Severity.FAILING ? "alert.change.restart"
                    : group.size() == 1 ? "alert.change" : "alert.change.each";
            return messages.get(key, f.fix().schedulerStart(), f.fix().timeZone(), f.fix().everyMinutes());
        }
        return switch (f.kind()) {
            case CAMPAIGN_UNREADABLE -> messages.get("alert.change.CAMPAIGN_UNREADABLE", "xtk:workflow", "xtk:workflowLog");
            default -> serverZoneUnknown(f) ? messages.get("alert.change.serverZone", instance(f))
                    : messages.get("alert.change.UNKNOWN", instance(f), problem(f));
        };
    }

    /** Unchecked not because a source failed but because only the schedule speaks, in a server zone nobody gave. */
    private static boolean serverZoneUnknown(Finding f) {
        return f.kind() == Finding.Kind.UNKNOWN && f.problem() == null && f.restartSource() == RestartSource.SCHEDULE;
    }

    String why(Finding f) {
        if (f.restartAt() == null) {
            return null;
        }
        String key = f.restartSource() == null ? "alert.why"
                : f.restartSource() == RestartSource.SCHEDULE ? "alert.why.SCHEDULE" : "alert.why.observed";
        return messages.get(key, time(f.restartAt(), f.zone()), f.zone());
    }

    String more(List<List<Finding>> rest) {
        List<String> names = rest.stream().flatMap(List::stream)
                .map(f -> messages.get("alert.moreItem", f.workflow(), severityName(f.severity()))).toList();
        return messages.get("alert.more", names.size(), messages.commaList(names));
    }

    AlertMessage.Labels labels() {
        return new AlertMessage.Labels(messages.get("alert.label.workflows"), messages.get("alert.label.where"),
                messages.get("alert.label.change"), messages.get("alert.label.why"), messages.get("alert.label.kbLink"));
    }

    private String instance(Finding f) {
        return f.instance() == null ? messages.get("alert.instance.unnamed") : f.instance();
    }

    /** The reason a source gave, quoted as it is but at most {@link #MAX_PROBLEM_CHARS} long. */
    private String problem(Finding f) {
        if (f.problem() == null || f.problem().isBlank()) {
            return messages.get("alert.problem.none");
        }
        return cut(f.problem().strip(), MAX_PROBLEM_CHARS);
    }

    /** At most {@code max} characters, the last an ellipsis when cut. */
    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** How often it runs, and in which zone: "hourly, Europe/Paris"; never "every day" for an hourly workflow. */
    private String cadence(Finding f) {
        int every = f.fix() == null ? 0 : f.fix().everyMinutes();
        return switch (every) {
            case 60 -> messages.get("alert.cadence.hourly", f.zone());
            case 1440 -> messages.get("alert.cadence.daily", f.zone());
            default -> messages.get("alert.cadence.every", every, f.zone());
        };
    }

    /** A time of day in the reader's clock ({@code 06:00}; {@code 6:00 AM} in en-US). */
    private String time(Instant instant, String zone) {
        return instant == null ? messages.get("alert.time.unknown")
                : messages.time(instant.atZone(zoneId(zone)).toLocalTime());
    }

    private String dateTime(Instant instant, String zone) {
        if (instant == null) {
            return messages.get("alert.dateTime.unknown");
        }
        ZonedDateTime at = instant.atZone(zoneId(zone));
        return messages.get("alert.dateTime", DATE.format(at), messages.time(at.toLocalTime()), zone);
    }

    private static ZoneId zoneId(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("UTC");
        }
    }
}
