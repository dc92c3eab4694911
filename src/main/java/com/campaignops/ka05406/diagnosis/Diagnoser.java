package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.notification.JournalEntry;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.signature.LogonSignature;
import com.campaignops.ka05406.signature.Recognition;
import com.campaignops.ka05406.time.Distance;
import com.campaignops.ka05406.time.UtcOffsets;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    private final DiagnosisRules rules;
    private final WorkflowPattern workflows;
    private final LogonSignature signature = new LogonSignature();
    private final FailureLocator locator;
    private final RestartResolver resolver;
    private final Recommender recommender;

    public Diagnoser(DiagnosisRules rules, WorkflowPattern workflows) {
        this.rules = rules;
        this.workflows = workflows;
        this.locator = new FailureLocator(signature, new WorkflowMentions(workflows));
        this.resolver = new RestartResolver(rules);
        this.recommender = new Recommender(rules);
    }

    public Triage triage(Notification notification) {
        FailureLocator.Located located = locator.locate(notification);
        List<String> evidence = new ArrayList<>();
        if (notification.workflowLabel() != null) {
            evidence.add("The workflow was given by its label '" + notification.workflowLabel() + "', read as "
                    + notification.workflow() + ".");
        }
        if (notification.datesNote() != null) {
            evidence.add(notification.datesNote());
        }
        if (located.origin() != null) {
            evidence.add(capitalise(located.origin()) + ".");
        }
        evidence.addAll(located.notes());
        Recognition recognition = signature.recognise(located.error());
        String doubt = null;
        if (located.error() == null) {
            evidence.add(notification.logs().isEmpty()
                    ? "No error message of this workflow's failed run was found in the input."
                    : "No error message was given, and no journal line of this workflow"
                    + (notification.failedAt() == null ? "" : " within 5 min of failedAt")
                    + " reads as an error by its level or its text.");
        } else {
            switch (recognition.kind()) {
                case SIGNATURE -> {
                    evidence.add("The error is KA-05406's signature: empty return from method 'Logon' of service "
                            + "'xtk:session'.");
                    recurrence(notification, located.error()).ifPresent(evidence::add);
                }
                case UNVERIFIED_PHRASING -> doubt = "The error reads as an empty return from the Logon of service "
                        + "xtk:session, but in a phrasing no Adobe source or KB copy shows ('" + quote(located.error())
                        + "'): it cannot be promised to be KA-05406's message.";
                case INCOMPLETE -> doubt = "The error is a Logon failure whose detail is missing or cut off ('"
                        + quote(located.error()) + "')" + recognition.neighbour()
                        .map(n -> " — " + n.description() + ", which a restart can also cause").orElse("")
                        + ": the full message is in the workflow's journal (its failed run); send those lines in logs.";
                case NEIGHBOUR -> evidence.add("The error is not KA-05406's signature (empty return from method "
                        + "'Logon' of service 'xtk:session') but a timing-independent cause: " + recognition.neighbour()
                        .orElseThrow().description() + "; moving the schedule would not help.");
                case OTHER -> evidence.add("The error is not KA-05406's signature (empty return from method 'Logon' "
                        + "of service 'xtk:session').");
            }
        }
        if (doubt != null) {
            evidence.add(doubt);
        }
        if (located.laterFailedRun() != null) {
            String later = "The journal shows a later failed run of this workflow (" + located.laterFailedRun().loggedAt()
                    + ": '" + quote(located.laterFailedRun().message()) + "'): the error judged is not from its latest "
                    + "failure.";
            doubt = doubt == null ? later : doubt;
            if (!evidence.contains(later)) {
                evidence.add(later);
            }
        }
        boolean workflowMatches = workflows.matches(notification.workflow());
        evidence.add(workflowMatches
                ? "Workflow " + notification.workflow() + " is a Message Center synchronization workflow (" + workflows + ")."
                : "Workflow " + notification.workflow() + " is not a Message Center synchronization workflow ("
                        + workflows + ").");

        boolean otherCause = located.error() != null && !recognition.matchesSignature() && !recognition.couldBeSignature();
        if (!workflowMatches || otherCause) {
            return settled(Verdict.NO_MATCH, notification, located.failedAt(), evidence);
        }
        if (located.error() == null) {
            return settled(Verdict.INCONCLUSIVE, notification, located.failedAt(), evidence);
        }
        if (located.failedAt() == null) {
            evidence.add("No failure time: give failedAt, or journal lines with their timestamps, to compare it "
                    + "with the restart.");
            return settled(Verdict.INCONCLUSIVE, notification, null, evidence);
        }
        return new Triage.NeedsRestartTime(
                new Candidate(notification.workflow(), notification.instance(), located.failedAt(), evidence, doubt));
    }

    /**
     * @param fetch       what the instance's restart source said
     * @param schedule    the instance's scheduled restart
     * @param controlZone the control instance's workflow time zone, for the recommendation
     */
    public Diagnosis decide(Candidate candidate, RestartFetch fetch,
                            RestartSchedule schedule, ZoneId controlZone, WorkflowSchedule workflowSchedule) {
        RestartFinding finding = resolver.resolve(candidate.failedAt(), fetch, schedule);
        List<String> evidence = new ArrayList<>(candidate.evidence());
        evidence.add(finding.note());
        Instant failedAt = candidate.failedAt();
        if (finding.source() == RestartSource.SCHEDULE && !schedule.zoneKnown()) {
            return withUnknownServerZone(candidate, finding, schedule, evidence);
        }
        Instant restartAt = finding.restartAt();
        Duration delta = Duration.between(restartAt, failedAt);
        // Two decimals so that one second past a window edge never reads as the edge itself.
        double minutes = Math.round(delta.toMillis() / 600.0) / 100.0;
        Duration distanceFromRestart = Distance.between(restartAt, failedAt);
        String distance = "The failure at " + failedAt + " is " + distanceFromRestart.toMinutes() + " min "
                + distanceFromRestart.toSecondsPart() + " s " + (delta.isNegative() ? "before" : "after")
                + " the restart at " + restartAt;

        if (rules.coincides(failedAt, restartAt)) {
            evidence.add(distance + ": inside the window (" + rules.describeWindow() + ").");
            if (candidate.doubt() != null) {
                evidence.add("It fails at the restart, as KA-05406 does, but the error cannot prove it: see above.");
                return new Diagnosis(Diagnosis.KNOWN_ISSUE, Verdict.INCONCLUSIVE, candidate.workflow(),
                        candidate.instance(), failedAt, restartAt, finding.source(), minutes, evidence, null);
            }
            Instant anchor = anchorOf(finding, schedule, evidence);
            Instant lastUnavailable = lastSignOfUnavailability(failedAt, anchor, fetch);
            Recommendation recommendation = recommender.recommend(candidate.workflow(), anchor,
                    lastUnavailable.isBefore(anchor) ? anchor : lastUnavailable, controlZone, workflowSchedule);
            return new Diagnosis(Diagnosis.KNOWN_ISSUE, Verdict.MATCH, candidate.workflow(), candidate.instance(),
                    failedAt, restartAt, finding.source(), minutes, evidence, recommendation);
        }
        evidence.add(distance + ": outside the window (" + rules.describeWindow() + ").");
        Verdict verdict = Verdict.NO_MATCH;
        if (!finding.canRuleOut()) {
            evidence.add("The schedule only stands in for the restart source, so an unscheduled restart at the "
                    + "failure cannot be ruled out.");
            verdict = Verdict.INCONCLUSIVE;
        }
        return new Diagnosis(Diagnosis.KNOWN_ISSUE, verdict, candidate.workflow(), candidate.instance(), failedAt,
                restartAt, finding.source(), minutes, evidence, null);
    }

    /**
     * The schedule decides but nobody knows the server's zone: the failure is compared with processRestartTime at
     * every UTC offset in use. Near one of them it may be the restart (INCONCLUSIVE, naming them); near none it is
     * not, whatever the zone (NO_MATCH, when the schedule is trusted).
     */
    private Diagnosis withUnknownServerZone(Candidate candidate, RestartFinding finding, RestartSchedule schedule,
                                            List<String> evidence) {
        List<ZoneOffset> offsets = UtcOffsets.inUse().stream()
                .filter(offset -> rules.coincides(candidate.failedAt(), restartAt(schedule, offset, candidate.failedAt())))
                .toList();
        String restart = schedule.processRestartTime().withNano(0).toString();
        String settle = " Set restart-check.scheduled-restart.server-time-zone (or the instance's server-time-zone) "
                + "to the execution server's zone, or give timeZone, to settle it.";
        Verdict verdict;
        if (!offsets.isEmpty()) {
            evidence.add("The execution server's time zone is not known: its " + restart + " restart would fall within "
                    + "the window (" + rules.describeWindow() + ") of the failure at " + candidate.failedAt()
                    + " if the server runs at " + offsets.stream().map(UtcOffsets::describe)
                    .collect(Collectors.joining(" or ")) + "." + settle);
            verdict = Verdict.INCONCLUSIVE;
        } else {
            evidence.add("The execution server's time zone is not known, but at no UTC offset in use would its "
                    + restart + " restart fall within the window (" + rules.describeWindow() + ") of the failure at "
                    + candidate.failedAt() + "." + (finding.canRuleOut() ? "" : settle));
            verdict = finding.canRuleOut() ? Verdict.NO_MATCH : Verdict.INCONCLUSIVE;
            if (!finding.canRuleOut()) {
                evidence.add("The schedule only stands in for the restart source, so an unscheduled restart at the "
                        + "failure cannot be ruled out.");
            }
        }
        return new Diagnosis(Diagnosis.KNOWN_ISSUE, verdict, candidate.workflow(), candidate.instance(),
                candidate.failedAt(), null, finding.source(), null, evidence, null);
    }

    /** The restart at {@code offset} nearest {@code moment}. */
    private static Instant restartAt(RestartSchedule schedule, ZoneOffset offset, Instant moment) {
        return new RestartSchedule(schedule.processRestartTime(), offset).nearestTo(moment);
    }

    /**
     * The failure, or a later reported process start of the same restart: one the source reported even when it
     * was too far after the failure to be compared with it (a slow restart), since the server was down until then.
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
        return last;
    }

    /** The restart as it recurs: the scheduled one when an observed start belongs to it. */
    private Instant anchorOf(RestartFinding finding, RestartSchedule schedule, List<String> evidence) {
        if (finding.source() == RestartSource.SCHEDULE || !schedule.zoneKnown()) {
            return finding.restartAt();
        }
        Instant scheduled = schedule.nearestTo(finding.restartAt());
        if (rules.coincides(finding.restartAt(), scheduled)) {
            return scheduled;
        }
        evidence.add("The observed restart does not match the scheduled processRestartTime (" + schedule
                + "): if it was a one-off restart, the scheduler need not move; if the server's schedule differs, "
                + "correct processRestartTime in this function's configuration.");
        return finding.restartAt();
    }

    /** Repeated occurrences in the journal: the article's "continues to fail" pattern, worth showing. */
    private Optional<String> recurrence(Notification notification, String error) {
        SortedSet<Instant> times = new TreeSet<>();
        for (JournalEntry e : notification.logs()) {
            // The journal line the error was copied from is the signature too: no need to read it again.
            if (e.loggedAt() != null && (e.message().equals(error) || signature.matchesSignature(e.message()))) {
                times.add(e.loggedAt());
            }
        }
        if (times.size() < 2) {
            return Optional.empty();
        }
        return Optional.of("The journal shows this error " + times.size() + " times: "
                + times.stream().map(Instant::toString).collect(Collectors.joining(", ")) + ".");
    }

    private static Triage settled(Verdict verdict, Notification n, Instant failedAt, List<String> evidence) {
        return new Triage.Settled(new Diagnosis(Diagnosis.KNOWN_ISSUE, verdict, n.workflow(), n.instance(), failedAt,
                null, null, null, evidence, null));
    }

    /** An error as quoted in evidence: whole, unless very long. */
    private static String quote(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
