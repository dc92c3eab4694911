package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Messages;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every human sentence an alert carries, and nothing else: the channels only lay these strings out. One instance
 * per language; its sentences come from the catalogue ({@code alert.*} keys of {@code messages/}). Machine parts
 * (workflow and instance names, {@code HH:mm} runs and starts, zone ids, codes, Campaign's error message, the KB
 * URL) are arguments and stay as they are.
 */
public class AlertText {

    public static final String KB_URL =
            "https://experienceleague.adobe.com/en/docs/experience-cloud-kcs/kbarticles/ka-05406";
    /** Campaign's own error message: quoted as Campaign writes it, in every language. */
    static final String LOGON_ERROR = "Empty return for method 'Logon' of service 'xtk:session'";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Messages messages;

    /** English. */
    public static AlertText english() {
        return new AlertText(Messages.english());
    }

    public static AlertText of(Language language) {
        return new AlertText(Messages.of(language));
    }

    protected AlertText(Messages messages) {
        this.messages = messages;
    }

    public Language language() {
        return messages.language();
    }

    public String title(List<Finding> findings) {
        if (findings.size() == 1 && findings.get(0).kind() == Finding.Kind.MATCH) {
            return messages.get("alert.title.match", findings.get(0).workflow());
        }
        return messages.get(findings.size() == 1 ? "alert.title.one" : "alert.title.many", findings.size());
    }

    /** The notification line, for clients that show no layout: the title and the summary. */
    public String oneLine(List<Finding> findings) {
        return messages.get("alert.oneLine", title(findings), summary(findings));
    }

    /** "1 at risk, 2 unknown": how many of each kind, in the order of {@link Finding.Kind}. */
    public String summary(List<Finding> findings) {
        Map<Finding.Kind, Long> counts = findings.stream()
                .collect(Collectors.groupingBy(Finding::kind, TreeMap::new, Collectors.counting()));
        return messages.get("alert.summary", messages.commaList(counts.entrySet().stream()
                .map(e -> messages.get("alert.count", e.getValue(), kindName(e.getKey()))).toList()));
    }

    public String kindName(Finding.Kind kind) {
        return switch (kind) {
            case AT_RISK -> messages.get("alert.kind.AT_RISK");
            case UNKNOWN -> messages.get("alert.kind.UNKNOWN");
            case MATCH -> messages.get("alert.kind.MATCH");
            case FAILING -> messages.get("alert.kind.FAILING");
            case CAMPAIGN_UNREADABLE -> messages.get("alert.kind.CAMPAIGN_UNREADABLE");
        };
    }

    public String heading(Finding f) {
        return messages.get("alert.heading", f.workflow(), instance(f), kindName(f.kind()));
    }

    /** The instance's name, or words saying it is not known. */
    public String instance(Finding f) {
        return f.instance() == null ? messages.get("alert.instance.unnamed") : f.instance();
    }

    /** The verdict in one sentence. */
    public String verdict(Finding f) {
        return switch (f.kind()) {
            case AT_RISK -> messages.get("alert.verdict.AT_RISK", f.run(), f.zone(), instance(f),
                    time(f.restartAt(), f.zone()), LOGON_ERROR);
            case UNKNOWN -> messages.get("alert.verdict.UNKNOWN", instance(f), f.workflow());
            case MATCH, FAILING -> messages.get("alert.verdict.failed", time(f.at(), f.zone()),
                    time(f.restartAt(), f.zone()));
            case CAMPAIGN_UNREADABLE -> messages.get("alert.verdict.CAMPAIGN_UNREADABLE", f.workflow());
        };
    }

    /** When, in the control instance's zone. */
    public String when(Finding f) {
        return switch (f.kind()) {
            case AT_RISK -> messages.get("alert.when.AT_RISK", f.run(), time(f.restartAt(), f.zone()), f.zone());
            case UNKNOWN, CAMPAIGN_UNREADABLE -> messages.get("alert.when.checked", dateTime(f.at(), f.zone()));
            case MATCH, FAILING -> messages.get("alert.when.failed", dateTime(f.at(), f.zone()));
        };
    }

    /** The exact fix, or {@code null} when none is known yet. */
    public String fix(Finding f) {
        if (f.fix() == null) {
            return switch (f.kind()) {
                case UNKNOWN -> messages.get("alert.fix.UNKNOWN");
                case CAMPAIGN_UNREADABLE -> messages.get("alert.fix.CAMPAIGN_UNREADABLE", "xtk:workflow",
                        "xtk:workflowLog");
                default -> null;
            };
        }
        return messages.get("alert.fix", f.workflow(), f.fix().schedulerStart(), f.fix().timeZone(),
                f.fix().offsetMinutes());
    }

    /** Adobe's caveat about the tracking workflow, as the recommendation words it (in the answer's language). */
    public String caveat(Finding f) {
        return f.fix() == null ? null : f.fix().caveat();
    }

    public String moreEvidence(int count) {
        return messages.get("alert.moreEvidence", count);
    }

    /** What did not fit, named, so nothing is left out silently. */
    public String more(List<Finding> rest) {
        String names = messages.commaList(rest.stream()
                .map(f -> messages.get("alert.moreItem", f.workflow(), kindName(f.kind()))).toList());
        return messages.get("alert.more", rest.size(), names);
    }

    public String workflowLabel() {
        return messages.get("alert.label.workflow");
    }

    public String instanceLabel() {
        return messages.get("alert.label.instance");
    }

    public String whenLabel() {
        return messages.get("alert.label.when");
    }

    public String evidenceLabel() {
        return messages.get("alert.label.evidence");
    }

    public String fixLabel() {
        return messages.get("alert.label.fix");
    }

    public String caveatLabel() {
        return messages.get("alert.label.caveat");
    }

    public String kbLinkLabel() {
        return messages.get("alert.label.kbLink");
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
