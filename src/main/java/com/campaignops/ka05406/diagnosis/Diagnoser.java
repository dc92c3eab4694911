package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.signature.Recognition;
import com.campaignops.ka05406.time.UtcOffsets;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * KA-05406's decision, in two steps so the restart time is only fetched when it can change the answer:
 * {@link #triage} settles what the notification alone can settle, {@link #decide} weighs the restart.
 */
public final class Diagnoser {

    /** Either a final answer, or a candidate that needs the execution instance's restart time. */
    public sealed interface Triage {
        record Settled(Diagnosis diagnosis) implements Triage {
        }

        record NeedsRestartTime(Candidate candidate) implements Triage {
        }
    }

    /**
     * A failure that may be KA-05406's, on a synchronization workflow, at a known time.
     *
     * @param doubt why a failure at the restart would still not be a promise (a cut or unverified error text, a
     *              later failed run), or {@code null} when the signature belongs to the latest failed run
     */
    public record Candidate(String workflow, String instance, Instant failedAt, List<String> evidence, String doubt) {
        public Candidate {
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * The restart a failure is compared with, picked from what the source said and the schedule.
     *
     * @param restartAt  when it happened (observed) or was due (scheduled)
     * @param canRuleOut whether a restart apart from the failure proves there was none at the failure: false when
     *                   the schedule stands in for a source that failed
     * @param note       how it was obtained, and why a fallback was used, if one was
     */
    public record RestartFinding(Instant restartAt, RestartSource source, boolean canRuleOut, String note) {

        /** @param messages the reader's language, for the finding's note (the source's own reason is quoted as is) */
        public static RestartFinding of(DiagnosisRules rules, Instant failedAt, RestartFetch fetch,
                                        RestartSchedule schedule, Messages messages) {
            String note;
            if (fetch instanceof RestartFetch.Observed observed && !observed.restarts().isEmpty()) {
                Instant nearest = RestartSchedule.nearest(observed.restarts(), failedAt);
                Instant earliest = Collections.min(observed.restarts());
                if (rules.coincides(failedAt, nearest) || !earliest.isAfter(failedAt)) {
                    return new RestartFinding(nearest, observed.source(), true, messages.get("restart.observed",
                            observed.source(), nearest, observed.restarts().size()));
                }
                // Every reported restart is after the failure: the source only remembers the latest one,
                // so it cannot tell whether the server also restarted when the workflow failed.
                note = messages.get("restart.onlyAfter", observed.source(), earliest, schedule.describe(messages));
            } else if (fetch instanceof RestartFetch.Observed observed) {
                note = messages.get("restart.noneListed", observed.source(), schedule.describe(messages));
            } else if (fetch instanceof RestartFetch.Unavailable unavailable) {
                note = messages.get("restart.unavailable", unavailable.source(), unavailable.reason(),
                        schedule.describe(messages));
            } else {
                return new RestartFinding(schedule.nearestTo(failedAt), RestartSource.SCHEDULE, true, messages.get(
                        "restart.notConfigured", ((RestartFetch.NotConfigured) fetch).reason(messages),
                        schedule.describe(messages)));
            }
            // The schedule stands in for a source that failed: it cannot rule out a restart at the failure.
            return new RestartFinding(schedule.nearestTo(failedAt), RestartSource.SCHEDULE, false, note);
        }
    }

    private final DiagnosisRules rules;
    private final WorkflowPattern workflows;
    private final FailureLocator locator;

    public Diagnoser(DiagnosisRules rules, WorkflowPattern workflows) {
        this.rules = rules;
        this.workflows = workflows;
        this.locator = new FailureLocator(workflows);
    }

    /** @param messages the reader's language, for every sentence of the evidence */
    public Triage triage(Notification notification, Messages messages) {
        FailureLocator.Located located = locator.locate(notification, messages);
        List<String> evidence = new ArrayList<>();
        if (notification.workflowLabel() != null) {
            evidence.add(messages.get("notification.label", notification.workflowLabel(), notification.workflow()));
        }
        if (notification.datesNote() != null) {
            evidence.add(messages.render(notification.datesNote()));
        }
        if (located.origin() != null && notification.timesPlaced()) {
            evidence.add(located.origin());
        } else if (located.origin() != null && notification.error() == null) {
            // The origin names the line's instant, which an unplaced time does not have.
            evidence.add(messages.get("journal.errorFromJournal"));
        }
        evidence.addAll(located.notes());
        Recognition recognition = located.recognition();
        String doubt = null;
        if (located.error() == null) {
            evidence.add(messages.get(notification.logs().isEmpty() ? "error.none"
                    : notification.failedAt() == null ? "error.noneInJournal" : "error.noneInRun"));
        } else {
            switch (recognition.kind()) {
                case SIGNATURE -> {
                    evidence.add(messages.get("error.signature"));
                    // Repeated occurrences in this workflow's journal (another workflow's lines are not counted):
                    // the article's "continues to fail" pattern, worth showing.
                    if (located.signatureTimes().size() > 1) {
                        evidence.add(messages.get("error.recurrence", located.signatureTimes().size(),
                                messages.commaList(located.signatureTimes().stream()
                                        .map(t -> shown(t, notification).toString()).toList())));
                    }
                }
                case UNVERIFIED_PHRASING -> doubt = messages.get("error.unverified", quote(located.error()));
                case INCOMPLETE -> doubt = recognition.neighbour()
                        .map(n -> messages.get("error.incompleteNeighbour", quote(located.error()),
                                messages.get("neighbour." + n.name())))
                        .orElseGet(() -> messages.get("error.incomplete", quote(located.error())));
                case NEIGHBOUR -> evidence.add(messages.get("error.neighbour",
                        messages.get("neighbour." + recognition.neighbour().orElseThrow().name())));
                case OTHER -> evidence.add(messages.get("error.other"));
            }
        }
        if (doubt != null) {
            evidence.add(doubt);
        }
        if (located.laterFailedRun() != null) {
            String later = messages.get("error.laterRun", shown(located.laterFailedRun().loggedAt(), notification),
                    quote(located.laterFailedRun().message()));
            doubt = doubt == null ? later : doubt;
            if (!evidence.contains(later)) {
                evidence.add(later);
            }
        }
        boolean workflowMatches = workflows.matches(notification.workflow());
        evidence.add(messages.get(workflowMatches ? "workflow.sync" : "workflow.notSync", notification.workflow(),
                workflows));

        if (!workflowMatches || located.error() != null && !recognition.matchesSignature()
                && !recognition.couldBeSignature()) {
            return settled(Verdict.NO_MATCH, notification, located.failedAt(), evidence, messages);
        }
        if (located.error() != null && located.failedAt() != null && notification.timesPlaced()) {
            return new Triage.NeedsRestartTime(new Candidate(notification.workflow(), notification.instance(),
                    located.failedAt(), evidence, doubt));
        }
        if (located.error() != null) {
            evidence.add(located.failedAt() == null ? messages.get("failure.noTime")
                    : messages.get("time.unplaced", notification.unplacedTime()));
        }
        return settled(Verdict.INCONCLUSIVE, notification, located.failedAt(), evidence, messages);
    }

    /**
     * @param controlZone the control instance's workflow time zone, for the recommendation
     * @param messages    the reader's language: the one the candidate's evidence was written in
     */
    public Diagnosis decide(Candidate candidate, RestartFetch fetch, RestartSchedule schedule, ZoneId controlZone,
                            WorkflowSchedule workflowSchedule, Messages messages) {
        RestartFinding finding = RestartFinding.of(rules, candidate.failedAt(), fetch, schedule, messages);
        List<String> evidence = new ArrayList<>(candidate.evidence());
        evidence.add(finding.note());
        Instant failedAt = candidate.failedAt();
        if (finding.source() == RestartSource.SCHEDULE && !schedule.zoneKnown()) {
            return withUnknownServerZone(candidate, finding, schedule, evidence, messages);
        }
        Instant restartAt = finding.restartAt();
        Duration delta = Duration.between(restartAt, failedAt);
        // Two decimals so that one second past a window edge never reads as the edge itself.
        double minutes = Math.round(delta.toMillis() / 600.0) / 100.0;
        Duration apart = delta.abs();
        String distance = messages.get(delta.isNegative() ? "distance.before" : "distance.after", failedAt,
                apart.toMinutes(), apart.toSecondsPart(), restartAt);

        boolean coincides = rules.coincides(failedAt, restartAt);
        evidence.add(messages.get(coincides ? "distance.inside" : "distance.outside", distance,
                rules.describeWindow(messages)));
        Verdict verdict = Verdict.INCONCLUSIVE;
        Recommendation recommendation = null;
        if (!coincides && finding.canRuleOut()) {
            verdict = Verdict.NO_MATCH;
        } else if (!coincides) {
            evidence.add(messages.get("decision.scheduleStandsIn"));
        } else if (candidate.doubt() != null) {
            evidence.add(messages.get("decision.doubtAtRestart"));
        } else {
            Instant anchor = anchorOf(finding, schedule, evidence, messages);
            recommendation = rules.recommend(candidate.workflow(), anchor,
                    lastSignOfUnavailability(failedAt, anchor, fetch), controlZone, workflowSchedule, messages);
            verdict = Verdict.MATCH;
        }
        return new Diagnosis(Diagnosis.KNOWN_ISSUE, verdict, candidate.workflow(), candidate.instance(), failedAt,
                restartAt, finding.source(), minutes, evidence, recommendation, messages.language().tag());
    }

    /**
     * The schedule decides but nobody knows the server's zone: the failure is compared with processRestartTime at
     * every UTC offset in use. Near one of them it may be the restart (INCONCLUSIVE, naming them); near none it is
     * not, whatever the zone (NO_MATCH, when the schedule is trusted).
     */
    private Diagnosis withUnknownServerZone(Candidate candidate, RestartFinding finding,
                                            RestartSchedule schedule, List<String> evidence, Messages messages) {
        List<ZoneOffset> offsets = UtcOffsets.inUse().stream()
                .filter(offset -> rules.coincides(candidate.failedAt(),
                        new RestartSchedule(schedule.processRestartTime(), offset).nearestTo(candidate.failedAt())))
                .toList();
        String restart = schedule.processRestartTime().withNano(0).toString();
        String settle = messages.get("zone.settle");
        String window = rules.describeWindow(messages);
        Verdict verdict = Verdict.INCONCLUSIVE;
        if (!offsets.isEmpty()) {
            evidence.add(messages.sentences(messages.get("zone.unknownWouldMatch", restart, window,
                    candidate.failedAt(), UtcOffsets.describe(offsets, messages)), settle));
        } else if (finding.canRuleOut()) {
            evidence.add(messages.get("zone.unknownNeverMatches", restart, window, candidate.failedAt()));
            verdict = Verdict.NO_MATCH;
        } else {
            evidence.add(messages.sentences(messages.get("zone.unknownNeverMatches", restart, window,
                    candidate.failedAt()), settle));
            evidence.add(messages.get("decision.scheduleStandsIn"));
        }
        return new Diagnosis(Diagnosis.KNOWN_ISSUE, verdict, candidate.workflow(), candidate.instance(),
                candidate.failedAt(), null, finding.source(), null, evidence, null, messages.language().tag());
    }

    /**
     * The failure, or a later reported process start of the same restart: one the source reported even when it
     * was too far after the failure to be compared with it (a slow restart), since the server was down until then.
     * Never before the restart itself.
     */
    private Instant lastSignOfUnavailability(Instant failedAt, Instant anchor, RestartFetch fetch) {
        Instant last = failedAt;
        if (fetch instanceof RestartFetch.Observed observed) {
            for (Instant start : observed.restarts()) {
                if (start.isAfter(last) && rules.coincides(start, anchor)) {
                    last = start;
                }
            }
        }
        return last.isBefore(anchor) ? anchor : last;
    }

    /** The restart as it recurs: the scheduled one when an observed start belongs to it. */
    private Instant anchorOf(RestartFinding finding, RestartSchedule schedule, List<String> evidence,
                             Messages messages) {
        if (finding.source() == RestartSource.SCHEDULE || !schedule.zoneKnown()) {
            return finding.restartAt();
        }
        Instant scheduled = schedule.nearestTo(finding.restartAt());
        if (rules.coincides(finding.restartAt(), scheduled)) {
            return scheduled;
        }
        evidence.add(messages.get("restart.notScheduled", schedule.describe(messages)));
        return finding.restartAt();
    }

    /**
     * A time of the notification as a sentence may show it: the instant, or for times no zone placed, the wall
     * time as written (they were read in UTC only to keep their order), which names no zone it does not have.
     */
    private static Object shown(Instant time, Notification notification) {
        return notification.timesPlaced() || time == null ? time : LocalDateTime.ofInstant(time, ZoneOffset.UTC);
    }

    /** A verdict the notification settles alone; an unplaced failure time is not reported as an instant. */
    private static Triage settled(Verdict verdict, Notification n, Instant failedAt, List<String> evidence,
                                 Messages messages) {
        return new Triage.Settled(new Diagnosis(Diagnosis.KNOWN_ISSUE, verdict, n.workflow(), n.instance(),
                n.timesPlaced() ? failedAt : null, null, null, null, evidence, null, messages.language().tag()));
    }

    /** An error as quoted in evidence: whole, unless very long. */
    private static String quote(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
