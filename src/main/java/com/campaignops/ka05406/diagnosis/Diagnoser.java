package com.campaignops.ka05406.diagnosis;

import com.campaignops.ka05406.notification.JournalEntry;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.signature.LogonSignature;
import com.campaignops.ka05406.signature.Recognition;
import com.campaignops.ka05406.time.Distance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

    /** A failure that has KA-05406's signature, on a synchronization workflow, at a known time. */
    public record Candidate(String workflow, String instance, Instant failedAt, List<String> evidence) {
        public Candidate {
            evidence = List.copyOf(evidence);
        }
    }

    private final DiagnosisRules rules;
    private final WorkflowPattern workflows;
    private final LogonSignature signature = new LogonSignature();
    private final FailureLocator locator = new FailureLocator(signature);
    private final RestartResolver resolver;
    private final Recommender recommender;

    public Diagnoser(DiagnosisRules rules, WorkflowPattern workflows) {
        this.rules = rules;
        this.workflows = workflows;
        this.resolver = new RestartResolver(rules);
        this.recommender = new Recommender(rules);
    }

    public Triage triage(Notification notification) {
        FailureLocator.Located located = locator.locate(notification);
        List<String> evidence = new ArrayList<>();
        if (located.origin() != null) {
            evidence.add(capitalise(located.origin()) + ".");
        }
        Recognition recognition = signature.recognise(located.error());
        boolean signatureMatches = recognition.matchesSignature();
        if (located.error() == null) {
            evidence.add("No error message was given and the journal holds none for this run"
                    + (notification.failedAt() == null ? "." : " (within 5 min of failedAt)."));
        } else if (signatureMatches) {
            evidence.add("The error is KA-05406's signature: empty return from method 'Logon' of service 'xtk:session'.");
            recurrence(notification, located.error()).ifPresent(evidence::add);
        } else {
            evidence.add("The error is not KA-05406's signature (empty return from method 'Logon' of service "
                    + "'xtk:session')" + recognition.neighbour().map(n -> ": it is a " + n.description()
                    + ", which does not depend on when the workflow runs").orElse("") + ".");
        }
        boolean workflowMatches = workflows.matches(notification.workflow());
        evidence.add(workflowMatches
                ? "Workflow " + notification.workflow() + " is a Message Center synchronization workflow (" + workflows + ")."
                : "Workflow " + notification.workflow() + " is not a Message Center synchronization workflow ("
                        + workflows + ").");

        if (!workflowMatches || (located.error() != null && !signatureMatches)) {
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
                new Candidate(notification.workflow(), notification.instance(), located.failedAt(), evidence));
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
        if (finding.source() == RestartSource.SCHEDULE) {
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

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
