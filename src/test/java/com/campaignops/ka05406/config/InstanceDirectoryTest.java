package com.campaignops.ka05406.config;

import com.campaignops.ka05406.restart.RestartSchedule;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which instances the audit checks, and which server zone each is read in. */
class InstanceDirectoryTest {

    @Test
    void noInstanceConfigured_auditsTheEmbeddedDefault_only() {
        InstanceDirectory directory = new InstanceDirectory(TestSettings.of(Map.of()));

        assertThat(directory.names()).containsExactly("mcExec1");
        assertThat(directory.isEmbeddedDefault("MCEXEC1")).isTrue();
        assertThat(directory.restartScheduleOf("mcExec1").zoneKnown()).isFalse();
        // Nothing names the control zone either: the audit's times are then given in UTC, and say so.
        assertThat(directory.controlZone("mcExec1", null, directory.restartScheduleOf("mcExec1")).getId())
                .isEqualTo("UTC");
    }

    @Test
    void aDeploymentNamingItsOwnInstances_neverSeesTheEmbeddedDefault() {
        InstanceDirectory directory = new InstanceDirectory(TestSettings.of(Map.of(
                "restart-check.instances.prod.name", "rt_prod", "restart-check.instances.eu.name", "rt_eu")));

        assertThat(directory.names()).containsExactly("rt_eu", "rt_prod");
        assertThat(directory.isEmbeddedDefault("mcExec1")).isFalse();
    }

    @Test
    void serverZone_comesFromTheInstance_thenTheGlobalSetting_thenTheNotification_neverFromElsewhere() {
        InstanceDirectory directory = new InstanceDirectory(TestSettings.of(Map.of(
                "restart-check.instances.prod.name", "rt_prod",
                "restart-check.instances.prod.server-time-zone", "Asia/Tokyo",
                "restart-check.scheduled-restart.server-time-zone", "UTC")));
        InstanceDirectory unconfigured = new InstanceDirectory(TestSettings.of(Map.of()));

        assertThat(directory.restartScheduleOf("rt_prod").orNotificationZone(ZoneId.of("Europe/Paris")).serverZone())
                .isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(directory.restartScheduleOf("other").orNotificationZone(ZoneId.of("Europe/Paris")).serverZone())
                .isEqualTo(ZoneId.of("UTC"));
        RestartSchedule fromNotification = unconfigured.restartScheduleOf("mcExec1").orNotificationZone(ZoneId.of("Europe/Paris"));
        assertThat(fromNotification.serverZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(fromNotification.zoneBasis()).isEqualTo(RestartSchedule.ZoneBasis.NOTIFICATION);
    }
}
