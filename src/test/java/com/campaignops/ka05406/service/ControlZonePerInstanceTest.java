package com.campaignops.ka05406.service;

import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.TestSettings;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code restart-check.instances.<key>.control-time-zone} overrides the global {@code control-time-zone} for that
 * instance's recommended start ({@code schedulerStart}) and for its audit; instances without one keep the global.
 */
class ControlZonePerInstanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-06-13T07:15:00Z");
    private static final String P = "restart-check.";

    private final RestartCheckService service = service(Map.of(
            P + "control-time-zone", "Europe/Paris",
            P + "instances.primary.control-time-zone", "Asia/Kolkata"));


    @Test
    void directory_prefersTheInstancesZone_thenTheGlobal_thenTheCallers_thenTheServers() {
        RestartSchedule utcSchedule = new RestartSchedule(LocalTime.of(6, 0), ZoneOffset.UTC);
        ZoneId caller = ZoneId.of("America/New_York");

        InstanceDirectory both = directory(Map.of(P + "control-time-zone", "Europe/Paris",
                P + "instances.primary.control-time-zone", "Asia/Kolkata"));
        assertThat(both.controlZone("mcExec1", caller, utcSchedule)).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(both.controlZone("MCEXEC1", caller, utcSchedule)).as("found without case")
                .isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(both.controlZone("mcExec2", caller, utcSchedule)).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(both.controlZone("notConfigured", null, utcSchedule)).isEqualTo(ZoneId.of("Europe/Paris"));

        InstanceDirectory instanceOnly = directory(Map.of(P + "instances.primary.control-time-zone", "Asia/Kolkata"));
        assertThat(instanceOnly.controlZone("mcExec1", caller, utcSchedule)).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(instanceOnly.controlZone("mcExec2", caller, utcSchedule)).isEqualTo(caller);
        assertThat(instanceOnly.controlZone("mcExec2", null, utcSchedule)).isEqualTo(ZoneOffset.UTC);

        InstanceDirectory blank = directory(Map.of(P + "instances.primary.control-time-zone", " "));
        assertThat(blank.controlZone("mcExec1", caller, utcSchedule)).as("blank is unset").isEqualTo(caller);
    }

    @Test
    void diagnosis_givesTheNewStartInTheInstancesControlZone() throws IOException {
        Diagnosis diagnosis = service.diagnose(JSON.readTree("""
                {"workflow": "mcSynch_mcExec1", "failedAt": "2024-06-13T06:00:03Z", "timeZone": "America/New_York",
                 "error": "Empty return for method 'Logon' of service 'xtk:session'."}"""), null).answer();

        assertThat(diagnosis.verdict()).isEqualTo(Verdict.MATCH);
        assertThat(diagnosis.recommendation().timeZone()).isEqualTo("Asia/Kolkata");
        assertThat(diagnosis.recommendation().schedulerStart()).isEqualTo("11:35");
    }

    @Test
    void diagnosis_ofAnInstanceWithoutItsOwnZone_keepsTheGlobalOne() throws IOException {
        Diagnosis diagnosis = service.diagnose(JSON.readTree("""
                {"workflow": "mcSynch_mcExec2", "failedAt": "2024-06-13T06:00:03Z", "timeZone": "America/New_York",
                 "error": "Empty return for method 'Logon' of service 'xtk:session'."}"""), null).answer();

        assertThat(diagnosis.recommendation().timeZone()).isEqualTo("Europe/Paris");
        assertThat(diagnosis.recommendation().schedulerStart()).isEqualTo("08:05");
    }

    @Test
    void audit_readsEachInstancesWorkflowScheduleInItsOwnControlZone() {
        AuditReport report = service.audit().answer();

        // Hourly from 00:00: in Kolkata (+05:30) the runs fall at half past the hour UTC, clear of a 06:00 UTC
        // restart; in Paris (+02:00) the 08:00 run is the restart's minute.
        InstanceAudit kolkata = report.instances().get(0);
        assertThat(kolkata.instance()).isEqualTo("mcExec1");
        assertThat(kolkata.workflowSchedule()).isEqualTo("every 60 min from 00:00, Asia/Kolkata");
        assertThat(kolkata.status()).isEqualTo(AuditStatus.CLEAR);
        InstanceAudit paris = report.instances().get(1);
        assertThat(paris.instance()).isEqualTo("mcExec2");
        assertThat(paris.workflowSchedule()).isEqualTo("every 60 min from 00:00, Europe/Paris");
        assertThat(paris.status()).isEqualTo(AuditStatus.AT_RISK);
        assertThat(paris.collidingRun()).isEqualTo("08:00");
    }

    private static RestartCheckService service(Map<String, String> settings) {
        return new RestartCheckService(directory(settings),
                instance -> new RestartFetch.NotConfigured("No restart URL is configured for instance " + instance),
                Clock.fixed(NOW, ZoneOffset.UTC), new com.campaignops.ka05406.outbound.Workers());
    }

    private static InstanceDirectory directory(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                P + "instances.primary.name", "mcExec1",
                P + "instances.second.name", "mcExec2",
                P + "scheduled-restart.server-time-zone", "UTC"));
        all.putAll(settings);
        return new InstanceDirectory(TestSettings.of(all));
    }
}
