package com.campaignops.ka05406.alerts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every human sentence an alert carries, and nothing else: the channels only lay these strings out. The
 * language issue replaces this one class (one instance per language); no other alert class holds text.
 */
public class AlertText {

    public static final String KB_URL =
            "https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-05406";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** English, the only language today. */
    public static AlertText english() {
        return new AlertText();
    }

    protected AlertText() {
    }

    public String title(List<Finding> findings) {
        if (findings.size() == 1 && findings.get(0).kind() == Finding.Kind.MATCH) {
            return "KA-05406: " + findings.get(0).workflow() + " failed at the execution server's restart";
        }
        return "KA-05406: " + findings.size() + (findings.size() == 1 ? " mcSynch workflow needs" : " mcSynch workflows need")
                + " attention";
    }

    /** The notification line, for clients that show no layout: the title and the summary. */
    public String oneLine(List<Finding> findings) {
        return title(findings) + ": " + summary(findings);
    }

    /** "1 at risk, 2 unknown": how many of each kind, in the order of {@link Finding.Kind}. */
    public String summary(List<Finding> findings) {
        Map<Finding.Kind, Long> counts = findings.stream()
                .collect(Collectors.groupingBy(Finding::kind, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + kindName(e.getKey()))
                .collect(Collectors.joining(", ")) + ".";
    }

    public String kindName(Finding.Kind kind) {
        return switch (kind) {
            case AT_RISK -> "at risk";
            case UNKNOWN -> "could not be checked";
            case MATCH -> "failed as in KA-05406";
            case FAILING -> "failing with KA-05406";
            case CAMPAIGN_UNREADABLE -> "could not be read from Campaign";
        };
    }

    public String heading(Finding f) {
        return f.workflow() + " on " + instance(f) + ": " + kindName(f.kind());
    }

    /** The instance's name, or words saying it is not known. */
    public String instance(Finding f) {
        return f.instance() == null ? "an unnamed instance" : f.instance();
    }

    /** The verdict in one sentence. */
    public String verdict(Finding f) {
        return switch (f.kind()) {
            case AT_RISK -> "Its run at " + f.run() + " (" + f.zone() + ") starts inside the restart window of "
                    + instance(f) + " (restart at " + time(f.restartAt(), f.zone())
                    + "): its Logon will fail with \"Empty return for method 'Logon' of service 'xtk:session'\".";
            case UNKNOWN -> "The restart time of " + instance(f) + " could not be read, so " + f.workflow()
                    + " could not be checked against it.";
            case MATCH, FAILING -> "Its Logon failed at " + time(f.at(), f.zone()) + " because it ran into the "
                    + "execution server's restart at " + time(f.restartAt(), f.zone()) + ".";
            case CAMPAIGN_UNREADABLE -> "The control instance could not be read, so " + f.workflow()
                    + " could not be checked; the evidence says why.";
        };
    }

    /** When, in the control instance's zone. */
    public String when(Finding f) {
        return switch (f.kind()) {
            case AT_RISK -> "every day at " + f.run() + ", restart at " + time(f.restartAt(), f.zone()) + " ("
                    + f.zone() + ")";
            case UNKNOWN, CAMPAIGN_UNREADABLE -> "checked " + dateTime(f.at(), f.zone());
            case MATCH, FAILING -> "failed " + dateTime(f.at(), f.zone());
        };
    }

    /** The exact fix, or {@code null} when none is known yet. */
    public String fix(Finding f) {
        if (f.fix() == null) {
            return switch (f.kind()) {
                case UNKNOWN -> "Check the instance's restart source; the evidence says what the schedule alone suggests.";
                case CAMPAIGN_UNREADABLE -> "Check that the monitoring operator can log on to the control instance "
                        + "and read xtk:workflow and xtk:workflowLog.";
                default -> null;
            };
        }
        return "Move the scheduler of " + f.workflow() + " to start at " + f.fix().schedulerStart() + " ("
                + f.fix().timeZone() + "), " + f.fix().offsetMinutes() + " min after the restart.";
    }

    /** Adobe's caveat about the tracking workflow, as the recommendation words it. */
    public String caveat(Finding f) {
        return f.fix() == null ? null : f.fix().caveat();
    }

    public String moreEvidence(int count) {
        return "… " + count + " more in the report.";
    }

    /** What did not fit, named, so nothing is left out silently. */
    public String more(List<Finding> rest) {
        String names = rest.stream().map(f -> f.workflow() + " (" + kindName(f.kind()) + ")")
                .collect(Collectors.joining(", "));
        return "…and " + rest.size() + " more: " + names + ".";
    }

    public String workflowLabel() {
        return "Workflow";
    }

    public String instanceLabel() {
        return "Instance";
    }

    public String whenLabel() {
        return "When";
    }

    public String evidenceLabel() {
        return "Evidence";
    }

    public String fixLabel() {
        return "Fix";
    }

    public String caveatLabel() {
        return "Caveat";
    }

    public String kbLinkLabel() {
        return "Open KA-05406 on Adobe Experience League";
    }

    private static String time(Instant instant, String zone) {
        return instant == null ? "an unknown time" : TIME.format(instant.atZone(zoneId(zone)));
    }

    private static String dateTime(Instant instant, String zone) {
        return instant == null ? "at an unknown time" : DATE_TIME.format(instant.atZone(zoneId(zone))) + " (" + zone + ")";
    }

    private static ZoneId zoneId(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneId.of("UTC");
        }
    }
}
