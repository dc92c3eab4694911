package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.diagnosis.Diagnoser;
import com.campaignops.ka05406.notification.NotificationReader;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Clock;

/**
 * Runs one diagnosis of a built-in notification while the function initialises, so the first real
 * invocation does not pay for loading Jackson's serializers, the text normaliser and the domain
 * classes (about 100 ms measured, bench/README.md). Init is also what SnapStart snapshots. No network:
 * the restart source is not asked, and nothing is logged but a failure to prime.
 */
@ApplicationScoped
class StartupPriming {

    private static final Logger LOG = Logger.getLogger(StartupPriming.class);
    private static final String SAMPLE = """
            {"workflow": "mcSynch_priming", "failedAt": "2024-06-13 06:00:03.512Z", "timeZone": "Europe/Paris",
             "logs": [{"logDate": "2024-06-13 06:00:03.512Z", "logType": 0,
                       "message": "SOP-330011 Empty return for method &#39;Logon&#39; of service &#39;xtk:session&#39;."}]}""";

    void prime(@Observes StartupEvent startup, ObjectMapper mapper, InstanceDirectory directory, Clock clock) {
        try {
            JsonNode json = mapper.readTree(SAMPLE);
            Diagnoser diagnoser = new Diagnoser(directory.rules(), directory.workflowPattern());
            if (diagnoser.triage(new NotificationReader(directory.maxLogLines(), clock).read(json)) instanceof Diagnoser.Triage.NeedsRestartTime needs) {
                RestartSchedule schedule = directory.restartSchedulesOf("priming", null).get(0);
                mapper.writeValueAsString(diagnoser.decide(needs.candidate(), new RestartFetch.NotConfigured("priming"),
                        schedule, schedule.serverZone(), directory.workflowScheduleOf("priming")));
            }
        } catch (IOException | RuntimeException e) {
            // Priming only saves time; the function works without it.
            LOG.warnf("Start-up priming skipped: %s", e.toString());
        }
    }
}
