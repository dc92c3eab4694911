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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every human sentence an alert carries, and nothing else: the channels only lay these strings out. One instance
 * per language; each sentence, label and its punctuation comes whole from the catalogue ({@code alert.*} keys of
 * {@code messages/}). Machine parts (workflow and instance names, {@code HH:mm} starts, zone ids, Campaign's error
 * message, the reason a source gave, the KB URL) are arguments and stay as they are.
 */
public class AlertText {

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

    public static AlertText of(Language language) {
        return new AlertText(Messages.of(language));
    }

    protected AlertText(Messages messages) {
        this.messages = messages;
    }

    public Language language() {
        return messages.language();
    }

    /** The heading: a single finding named, else how many need attention. */
    public String title(List<Finding> findings) {
        if (findings.size() == 1) {
            Finding f = findings.get(0);
            return switch (f.kind()) {
                case MATCH -> messages.get("alert.title.match", f.workflow());
                case FAILING -> messages.get("alert.title.FAILING", f.workflow());
                case AT_RISK -> messages.get("alert.title.AT_RISK", f.workflow());
                case UNKNOWN, CAMPAIGN_UNREADABLE -> messages.get("alert.title.UNKNOWN", f.workflow());
            };
        }
        return messages.get("alert.title.many", findings.size());
    }

    /**
     * The line a phone shows. Three findings or fewer: each workflow and what to do, its new start time when there is
     * one. More: the title and the summary.
     */
    public String notification(List<Finding> findings) {
        if (findings.size() > 3) {
            return messages.get("alert.oneLine", title(findings), summary(findings));
        }
        List<String> items = new ArrayList<>();
        for (Finding f : findings) {
            items.add(f.fix() == null ? messages.get("alert.notify.UNKNOWN", f.workflow())
                    : messages.get(f.severity() == Finding.Severity.FAILING ? "alert.notify.FAILING" : "alert.notify.AT_RISK",
                    f.workflow(), f.fix().schedulerStart(), f.fix().timeZone()));
        }
        String joined = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            joined = messages.get("alert.notify.join", joined, items.get(i));
        }
        return messages.get("alert.notify", joined);
    }

    /** "1 failing, 10 at risk, 1 could not be checked.": how many of each severity, in the order of {@link Finding.Severity}. */
    public String summary(List<Finding> findings) {
        Map<Finding.Severity, Long> counts = findings.stream()
                .collect(Collectors.groupingBy(Finding::severity, TreeMap::new, Collectors.counting()));
        return messages.get("alert.summary", messages.commaList(counts.entrySet().stream()
                .map(e -> messages.get("alert.count", e.getValue(), severityName(e.getKey()))).toList()));
    }

    public String severityName(Finding.Severity severity) {
        return switch (severity) {
            case FAILING -> messages.get("alert.severity.FAILING");
            case AT_RISK -> messages.get("alert.severity.AT_RISK");
            case UNKNOWN -> messages.get("alert.severity.UNKNOWN");
        };
    }

    /** The group's first line: its severity and its workflow, or how many workflows. */
    public String heading(List<Finding> group) {
        Finding first = group.get(0);
        String who = group.size() == 1 ? first.workflow() : messages.get("alert.workflows.count", group.size());
        return switch (first.severity()) {
            case FAILING -> messages.get("alert.heading.FAILING", who);
            case AT_RISK -> messages.get("alert.heading.AT_RISK", who);
            case UNKNOWN -> messages.get("alert.heading.UNKNOWN", who);
        };
    }

    /** What happens, in one sentence; for a group, what happens to each of its (identical) findings. */
    public String what(List<Finding> group) {
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

    /** The workflows of a group of several, listed, at most {@link #MAX_LISTED} named; {@code null} for one. */
    public String workflows(List<Finding> group) {
        if (group.size() == 1) {
            return null;
        }
        List<String> names = new ArrayList<>(group.stream().limit(MAX_LISTED).map(Finding::workflow).toList());
        if (group.size() > MAX_LISTED) {
            names.add(messages.get("alert.workflows.more", group.size() - MAX_LISTED));
        }
        return messages.commaList(names);
    }

    /** Where to act: the control instance's scheduler, by the console's menu path; {@code null} when nothing moves. */
    public String where(List<Finding> group) {
        if (group.get(0).fix() == null) {
            return null;
        }
        return messages.get("alert.where", group.size() == 1 ? group.get(0).workflow()
                : messages.get("alert.where.each"));
    }

    /** The exact change (new start, frequency kept), or what to check when there is nothing to move yet. */
    public String change(List<Finding> group) {
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

    /** Where the restart time came from, in one short sentence; {@code null} when no restart was compared. */
    public String why(Finding f) {
        if (f.restartAt() == null) {
            return null;
        }
        String key = f.restartSource() == null ? "alert.why"
                : f.restartSource() == RestartSource.SCHEDULE ? "alert.why.SCHEDULE" : "alert.why.observed";
        return messages.get(key, time(f.restartAt(), f.zone()), f.zone());
    }

    /** Adobe's caveat about the tracking workflow, in one short line. */
    public String caveat() {
        return messages.get("alert.caveat");
    }

    /** What did not fit, named, so nothing is left out silently. */
    public String more(List<List<Finding>> rest) {
        List<String> names = new ArrayList<>();
        int count = 0;
        for (List<Finding> group : rest) {
            for (Finding f : group) {
                names.add(messages.get("alert.moreItem", f.workflow(), severityName(f.severity())));
                count++;
            }
        }
        return messages.get("alert.more", count, messages.commaList(names));
    }

    public AlertMessage.Labels labels() {
        return new AlertMessage.Labels(messages.get("alert.label.workflows"), messages.get("alert.label.where"),
                messages.get("alert.label.change"), messages.get("alert.label.why"), messages.get("alert.label.kbLink"));
    }

    /** The instance's name, or words saying it is not known. */
    private String instance(Finding f) {
        return f.instance() == null ? messages.get("alert.instance.unnamed") : f.instance();
    }

    /** The reason a source gave, quoted as it is but at most {@link #MAX_PROBLEM_CHARS} long. */
    private String problem(Finding f) {
        if (f.problem() == null || f.problem().isBlank()) {
            return messages.get("alert.problem.none");
        }
        String problem = f.problem().strip();
        return problem.length() <= MAX_PROBLEM_CHARS ? problem : problem.substring(0, MAX_PROBLEM_CHARS - 1) + "…";
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
