package com.campaignops.ka05406.realistic;

import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.signature.LogonSignature;
import com.campaignops.ka05406.time.UtcOffsets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * What must hold for every journal, checked as QuickTheories properties on generated ones (seed {@value #SEED}):
 * the layout of the lines never changes the verdict, another workflow's lines never do, and a MATCH always comes
 * from the latest failed run with the whole signature; the zone a time was written in never changes it, and with
 * the server's zone unknown a MATCH or NO_MATCH holds at every UTC offset in use. A failure reports the smallest
 * journal QuickTheories shrank it to (fewer runs, earlier errors) and the seed.
 */
class VerdictInvariantsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 5406;
    private static final int CASES = 2_000;
    private static final String[] ERRORS = {
            "Empty return for method 'Logon' of service 'xtk:session'.",
            "Retour vide pour la méthode 'Logon' du service 'xtk: session'",
            "XSV-350008 Session has expired or is invalid. Please reconnect.",
            "XSV-350012 Invalid login or password. Connection denied.",
            "SOP-330011 Error while executing the method 'Logon' of service 'xtk:session'.",
            "PGS-220000 PostgreSQL error: ERROR:  relation \"wkf123\" does not exist",
            "Empty return for method 'Write' of service 'xtk:persist'."};
    private static final String[] LEVELS = {"error", "warning", "info"};
    private static final List<String> ZONES = List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata",
            "Asia/Kathmandu", "Australia/Adelaide", "America/St_Johns", "Pacific/Chatham");
    private final LogonSignature signature = new LogonSignature();

    /**
     * One run of mcSynch_mcExec1, on the hour, {@code hoursAfter} the previous one.
     *
     * @param error index in {@link #ERRORS} of the error it failed with, or -1 if it finished (at {@code level})
     */
    private record Run(int hoursAfter, int error, int level) {
    }

    /** A generated journal: runs of mcSynch_mcExec1 on the hour, some failing. */
    private record Journal(List<Run> runs) {

        List<String[]> lines() {
            List<String[]> lines = new ArrayList<>();
            Instant run = Instant.parse("2025-02-03T00:00:01Z");
            for (Run r : runs) {
                // Runs on the hour, some at the 06:00 restart; each may fail with one error.
                run = run.plusSeconds(3600L * r.hoursAfter());
                lines.add(new String[] {run.toString(), "info", "Workflow 'mcSynch_mcExec1' is being run"});
                lines.add(r.error() >= 0 ? new String[] {run.plusSeconds(2).toString(), "error", ERRORS[r.error()]}
                        : new String[] {run.plusSeconds(5).toString(), LEVELS[r.level()], "Workflow finished"});
            }
            return lines;
        }

        /** Index in {@link #ERRORS} of the latest failed run's error, or -1 if none failed. */
        int latestFailedRunError() {
            return runs.stream().mapToInt(Run::error).filter(e -> e >= 0).reduce((a, b) -> b).orElse(-1);
        }
    }

    /** Journals of 1 to 6 runs, each failing two times in three; they shrink to fewer, finished runs. */
    private static Gen<Journal> journals() {
        Gen<Run> runs = integers().between(1, 4).zip(integers().between(0, 2), errors(), integers().between(1, 2),
                (hours, outcome, error, level) -> new Run(hours, outcome == 0 ? -1 : error, level));
        return lists().of(runs).ofSizeBetween(1, 6).map(Journal::new);
    }

    /** Up to two lines of mcSynch_mcExec2, which must not count. */
    private static Gen<List<String>> otherWorkflowsLines() {
        Gen<String> line = integers().between(5, 16).zip(integers().between(0, 9), errors(),
                (hour, second, error) -> "2025-02-03T" + String.format("%02d", hour) + ":00:0" + second
                        + "Z\t1\t2\t1\terror\tlog\tmcSynch_mcExec2: " + ERRORS[error]);
        return lists().of(line).ofSizeBetween(0, 2);
    }

    private static Gen<Integer> errors() {
        return integers().between(0, ERRORS.length - 1);
    }

    @Test
    void tabsOrSpaces_newestFirst_orAnotherWorkflowsLines_neverChangeTheVerdict() {
        qt().withFixedSeed(SEED).withExamples(CASES).forAll(journals(), otherWorkflowsLines())
                .checkAssert((journal, others) -> {
                    Verdict reference = verdict(notification(journal.lines(), "\t", false, List.of()));

                    assertThat(verdict(notification(journal.lines(), "    ", false, List.of()))).as("spaces")
                            .isEqualTo(reference);
                    assertThat(verdict(notification(journal.lines(), "\t", true, List.of()))).as("newest first")
                            .isEqualTo(reference);
                    assertThat(verdict(notification(journal.lines(), "\t", false, others)))
                            .as("other workflow's lines").isEqualTo(reference);
                });
    }

    @Test
    void aMatch_alwaysComesFromTheLatestFailedRun_andFromTheWholeSignature() {
        AtomicInteger matches = new AtomicInteger();
        qt().withFixedSeed(SEED).withExamples(CASES)
                .forAll(journals(), booleans().all(), booleans().all(), otherWorkflowsLines())
                .checkAssert((journal, tabs, newestFirst, others) -> {
                    Diagnosis diagnosis = RealisticCase.diagnose(notification(journal.lines(), tabs ? "\t" : " ",
                            newestFirst, others), "UTC");
                    if (diagnosis.verdict() == Verdict.MATCH) {
                        matches.incrementAndGet();
                        assertThat(journal.latestFailedRunError()).isGreaterThanOrEqualTo(0);
                        assertThat(signature.signatureIn(ERRORS[journal.latestFailedRunError()])).isNotNull();
                    }
                });
        assertThat(matches).as("the generator reaches MATCH too").hasValueGreaterThan(20);
    }

    /** The three clocks are never taken for one another: how a time was written never moves the verdict. */
    @Test
    void theSameInstant_writtenInAnotherInputZone_neverChangesTheVerdict() {
        Gen<Instant> failures = integers().between(-86_400, 86_399)
                .map(seconds -> Instant.parse("2025-03-30T06:00:00Z").plusSeconds(seconds));
        Gen<String> serverZones = booleans().all().zip(arbitrary().pick(ZONES), (known, zone) -> known ? zone : null);
        qt().withFixedSeed(SEED).withExamples(CASES)
                .forAll(failures, errors(), serverZones, arbitrary().pick(ZONES))
                .checkAssert((failedAt, error, serverZone, inputZoneId) -> {
                    Verdict reference = RealisticCase.diagnose(failure(failedAt.toString(), null, ERRORS[error]),
                            serverZone).verdict();

                    ZoneId inputZone = ZoneId.of(inputZoneId);
                    LocalDateTime local = LocalDateTime.ofInstant(failedAt, inputZone);
                    String consoleText = local.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"));
                    String offsetText = local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + " GMT"
                            + inputZone.getRules().getOffset(failedAt).getId().replace("Z", "+00:00");
                    assertThat(RealisticCase.diagnose(failure(consoleText, inputZoneId, ERRORS[error]), serverZone)
                            .verdict()).as("written as %s in %s", consoleText, inputZone).isEqualTo(reference);
                    assertThat(RealisticCase.diagnose(failure(offsetText, null, ERRORS[error]), serverZone).verdict())
                            .as("written as %s", offsetText).isEqualTo(reference);
                });
    }

    /** With the server zone unknown, MATCH or NO_MATCH only where it holds at every UTC offset in use. */
    @Test
    void withTheServerZoneUnknown_aDefiniteVerdict_holdsAtEveryOffsetInUse() {
        List<ZoneOffset> offsets = UtcOffsets.inUse();
        AtomicInteger definite = new AtomicInteger();
        AtomicInteger inconclusive = new AtomicInteger();
        // Failures near every offset's 06:00, on whole, half and quarter hours, and far from all of them.
        Gen<Instant> failures = integers().between(0, 95).zip(integers().between(-600, 599),
                (quarter, seconds) -> Instant.parse("2025-07-01T00:00:00Z").plusSeconds(quarter * 900L + seconds));
        qt().withFixedSeed(SEED).withExamples(CASES / 4).forAll(failures, errors()).checkAssert((failedAt, error) -> {
            JsonNode notification = failure(failedAt.toString(), null, ERRORS[error]);
            Verdict unknown = RealisticCase.diagnose(notification, null).verdict();
            if (unknown == Verdict.INCONCLUSIVE) {
                inconclusive.incrementAndGet();
                return;
            }
            definite.incrementAndGet();
            for (ZoneOffset offset : offsets) {
                assertThat(RealisticCase.diagnose(notification, offset.getId()).verdict())
                        .as("at %s (unknown zone said %s)", offset, unknown).isEqualTo(unknown);
            }
        });
        assertThat(definite).as("the generator reaches definite verdicts").hasValueGreaterThan(20);
        assertThat(inconclusive).as("and inconclusive ones").hasValueGreaterThan(20);
    }

    private static JsonNode failure(String failedAt, String timeZone, String error) {
        ObjectNode json = JSON.createObjectNode().put("workflow", "mcSynch_mcExec1").put("failedAt", failedAt)
                .put("error", error);
        if (timeZone != null) {
            json.put("timeZone", timeZone);
        }
        return json;
    }

    private static JsonNode notification(List<String[]> lines, String separator, boolean newestFirst,
            List<String> others) {
        List<String> text = new ArrayList<>();
        for (String[] line : lines) {
            text.add(String.join(separator, line[0], "41233", "41260", "1", line[1], "log", line[2]));
        }
        text.addAll(others);
        if (newestFirst) {
            Collections.reverse(text);
        }
        ObjectNode json = JSON.createObjectNode().put("workflow", "mcSynch_mcExec1");
        ArrayNode logs = json.putArray("logs");
        text.forEach(logs::add);
        return json;
    }

    private static Verdict verdict(JsonNode notification) {
        return RealisticCase.diagnose(notification, "UTC").verdict();
    }
}
