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

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for every journal, checked on generated ones (seed 5406): the layout of the lines never changes
 * the verdict, another workflow's lines never do, and a MATCH always comes from the latest failed run with the
 * whole signature; the zone a time was written in never changes it, and with the server's zone unknown a MATCH or
 * NO_MATCH holds at every UTC offset in use.
 */
class VerdictInvariantsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
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
    private final LogonSignature signature = new LogonSignature();

    /**
     * A generated journal: runs of mcSynch_mcExec1 on the hour, some failing.
     *
     * @param latestFailedRunError index in {@link #ERRORS} of the latest failed run's error, or -1 if none failed
     */
    private record Journal(List<String[]> lines, int latestFailedRunError) {
    }

    @Test
    void tabsOrSpaces_newestFirst_orAnotherWorkflowsLines_neverChangeTheVerdict() {
        Random random = new Random(5406);
        for (int n = 0; n < CASES; n++) {
            Journal journal = journal(random);
            Verdict reference = verdict(notification(journal.lines(), "\t", false, List.of()));

            assertThat(verdict(notification(journal.lines(), "    ", false, List.of()))).as("spaces, case %d", n).isEqualTo(reference);
            assertThat(verdict(notification(journal.lines(), "\t", true, List.of()))).as("newest first, case %d", n).isEqualTo(reference);
            assertThat(verdict(notification(journal.lines(), "\t", false, otherWorkflowsLines(random))))
                    .as("other workflow's lines, case %d", n).isEqualTo(reference);
        }
    }

    @Test
    void aMatch_alwaysComesFromTheLatestFailedRun_andFromTheWholeSignature() {
        Random random = new Random(5406);
        int matches = 0;
        for (int n = 0; n < CASES; n++) {
            Journal journal = journal(random);
            Diagnosis diagnosis = RealisticCase.diagnose(notification(journal.lines(), random.nextBoolean() ? "\t" : " ",
                    random.nextBoolean(), otherWorkflowsLines(random)), "UTC");
            if (diagnosis.verdict() == Verdict.MATCH) {
                matches++;
                assertThat(journal.latestFailedRunError()).as("case %d", n).isGreaterThanOrEqualTo(0);
                assertThat(signature.signatureIn(ERRORS[journal.latestFailedRunError()]) != null).as("case %d", n).isTrue();
            }
        }
        assertThat(matches).as("the generator reaches MATCH too").isGreaterThan(20);
    }

    /** The three clocks are never taken for one another: how a time was written never moves the verdict. */
    @Test
    void theSameInstant_writtenInAnotherInputZone_neverChangesTheVerdict() {
        Random random = new Random(5406);
        List<String> zones = List.of("UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu",
                "Australia/Adelaide", "America/St_Johns", "Pacific/Chatham");
        for (int n = 0; n < CASES; n++) {
            Instant failedAt = Instant.parse("2025-03-30T06:00:00Z").plusSeconds(random.nextInt(2 * 86_400) - 86_400);
            String error = ERRORS[random.nextInt(ERRORS.length)];
            String serverZone = random.nextBoolean() ? null : zones.get(random.nextInt(zones.size()));
            Verdict reference = RealisticCase.diagnose(failure(failedAt.toString(), null, error), serverZone).verdict();

            ZoneId inputZone = ZoneId.of(zones.get(random.nextInt(zones.size())));
            LocalDateTime local = LocalDateTime.ofInstant(failedAt, inputZone);
            String consoleText = local.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss"));
            String offsetText = local.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + " GMT"
                    + inputZone.getRules().getOffset(failedAt).getId().replace("Z", "+00:00");
            assertThat(RealisticCase.diagnose(failure(consoleText, inputZone.getId(), error), serverZone).verdict())
                    .as("case %d: %s written as %s in %s, server zone %s", n, failedAt, consoleText, inputZone, serverZone)
                    .isEqualTo(reference);
            assertThat(RealisticCase.diagnose(failure(offsetText, null, error), serverZone).verdict())
                    .as("case %d: %s written as %s, server zone %s", n, failedAt, offsetText, serverZone)
                    .isEqualTo(reference);
        }
    }

    /** With the server zone unknown, MATCH or NO_MATCH only where it holds at every UTC offset in use. */
    @Test
    void withTheServerZoneUnknown_aDefiniteVerdict_holdsAtEveryOffsetInUse() {
        Random random = new Random(5406);
        List<ZoneOffset> offsets = UtcOffsets.inUse();
        int definite = 0;
        int inconclusive = 0;
        for (int n = 0; n < CASES / 4; n++) {
            // Failures near every offset's 06:00, on whole, half and quarter hours, and far from all of them.
            Instant failedAt = Instant.parse("2025-07-01T00:00:00Z").plusSeconds(random.nextInt(96) * 900L
                    + random.nextInt(1_200) - 600);
            String error = ERRORS[random.nextInt(ERRORS.length)];
            JsonNode notification = failure(failedAt.toString(), null, error);
            Verdict unknown = RealisticCase.diagnose(notification, null).verdict();
            if (unknown == Verdict.INCONCLUSIVE) {
                inconclusive++;
                continue;
            }
            definite++;
            for (ZoneOffset offset : offsets) {
                assertThat(RealisticCase.diagnose(notification, offset.getId()).verdict())
                        .as("case %d: %s at %s (unknown zone said %s)", n, failedAt, offset, unknown).isEqualTo(unknown);
            }
        }
        assertThat(definite).as("the generator reaches definite verdicts").isGreaterThan(20);
        assertThat(inconclusive).as("and inconclusive ones").isGreaterThan(20);
    }

    private static JsonNode failure(String failedAt, String timeZone, String error) {
        ObjectNode json = JSON.createObjectNode().put("workflow", "mcSynch_mcExec1").put("failedAt", failedAt)
                .put("error", error);
        if (timeZone != null) {
            json.put("timeZone", timeZone);
        }
        return json;
    }

    private static Journal journal(Random random) {
        List<String[]> lines = new ArrayList<>();
        Instant run = Instant.parse("2025-02-03T00:00:01Z");
        int latestError = -1;
        int runs = 1 + random.nextInt(6);
        for (int r = 0; r < runs; r++) {
            // Runs on the hour, some at the 06:00 restart; each may fail with one error and a script error after it.
            run = run.plusSeconds(3600L * (1 + random.nextInt(4)));
            lines.add(new String[] {run.toString(), "info", "Workflow 'mcSynch_mcExec1' is being run"});
            if (random.nextInt(3) > 0) {
                int error = random.nextInt(ERRORS.length);
                lines.add(new String[] {run.plusSeconds(2).toString(), "error", ERRORS[error]});
                latestError = error;
            } else {
                lines.add(new String[] {run.plusSeconds(5).toString(), LEVELS[1 + random.nextInt(2)], "Workflow finished"});
            }
        }
        return new Journal(lines, latestError);
    }

    private static List<String> otherWorkflowsLines(Random random) {
        List<String> lines = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            lines.add("2025-02-03T" + String.format("%02d", 5 + random.nextInt(12)) + ":00:0" + random.nextInt(10)
                    + "Z\t1\t2\t1\terror\tlog\tmcSynch_mcExec2: " + ERRORS[random.nextInt(ERRORS.length)]);
        }
        return lines;
    }

    private static JsonNode notification(List<String[]> lines, String separator, boolean newestFirst, List<String> others) {
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
