package com.campaignops.ka05406.realistic;

import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.diagnosis.Diagnoser;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.WorkflowPattern;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.notification.Notification;
import com.campaignops.ka05406.notification.NotificationReader;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.time.DateOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One file of {@code src/test/resources/realistic}: an input built from public material, with its source and the
 * verdict the rule gives, run through the core as the function runs it with no restart URL (the schedule decides).
 */
record RealisticCase(String name, String source, String expected, String why, JsonNode settings, JsonNode notification) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The day the corpus was gathered: its failures lie before it. */
    static final Clock GATHERED = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    static RealisticCase load(Path file) {
        try {
            JsonNode json = JSON.readTree(Files.readString(file));
            return new RealisticCase(file.getFileName().toString(), json.path("source").asText(),
                    json.path("expected").asText(), json.path("why").asText(), json.path("settings"),
                    json.get("notification"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The verdict under the embedded default: one instance, no restart URL, the settings the case names. */
    Diagnosis diagnose() {
        return diagnose(notification);
    }

    Diagnosis diagnose(JsonNode input) {
        DateOrder order = settings.hasNonNull("date-order") ? DateOrder.valueOf(settings.get("date-order").asText()) : null;
        ZoneId inputZone = settings.hasNonNull("input-time-zone") ? ZoneId.of(settings.get("input-time-zone").asText()) : null;
        List<Notification> readings = new NotificationReader(10_000, GATHERED, order, inputZone, WorkflowNames.DEFAULT).readings(input);
        Diagnoser diagnoser = new Diagnoser(DiagnosisRules.DEFAULT, new WorkflowPattern(List.of("mcSynch_*")));
        Diagnosis first = diagnose(diagnoser, readings.get(0));
        return readings.size() == 1 ? first : Diagnosis.ofBothReadings(first, diagnose(diagnoser, readings.get(1)), Messages.english());
    }

    private Diagnosis diagnose(Diagnoser diagnoser, Notification notification) {
        Diagnoser.Triage triage = diagnoser.triage(notification, Messages.english());
        if (triage instanceof Diagnoser.Triage.Settled settled) {
            return settled.diagnosis();
        }
        LocalTime restartTime = settings.hasNonNull("process-restart-time")
                ? LocalTime.parse(settings.get("process-restart-time").asText()) : LocalTime.of(6, 0);
        ZoneId serverZone = settings.hasNonNull("server-time-zone") ? ZoneId.of(settings.get("server-time-zone").asText()) : null;
        RestartSchedule schedule = RestartSchedule.of(restartTime, serverZone)
                .orNotificationZone(notification.serverZone());
        ZoneId controlZone = settings.hasNonNull("control-time-zone") ? ZoneId.of(settings.get("control-time-zone").asText())
                : notification.inputZone() != null ? notification.inputZone() : schedule.serverZone();
        return diagnoser.decide(((Diagnoser.Triage.NeedsRestartTime) triage).candidate(),
                new RestartFetch.NotConfigured("no restart URL configured"), schedule, controlZone,
                WorkflowSchedule.ADOBE_DEFAULT, Messages.english());
    }

    /** A notification diagnosed with the execution server in {@code serverZone}, nothing else configured. */
    static Diagnosis diagnose(JsonNode notification, String serverZone) {
        ObjectNode settings = JSON.createObjectNode().put("server-time-zone", serverZone);
        return new RealisticCase("generated", "generated", "", "", settings, notification).diagnose();
    }

    @Override
    public String toString() {
        return name;
    }
}
