package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Messages;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.RestartSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An instance left unchecked because its server zone is unknown asks for that setting, not for a URL check. */
class ServerZoneAlertTest {

    private static final Instant NOW = Instant.parse("2024-06-13T07:15:00Z");
    private final Auditor auditor = new Auditor(DiagnosisRules.DEFAULT, WorkflowNames.DEFAULT);
    private final AlertText text = new AlertText(Language.EN);

    @Test
    void serverZoneUnknown_alertAsksForTheServersZone() {
        InstanceAudit audit = auditor.audit("mcExec1", new RestartFetch.NotConfigured("no restart URL"),
                RestartSchedule.unknownZone(LocalTime.of(6, 0)), WorkflowSchedule.ADOBE_DEFAULT, ZoneId.of("UTC"), NOW,
                Messages.english());
        List<Finding> findings = Finding.audit(NOW, List.of(audit));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(text.what(List.of(f))).contains("time zone of execution instance mcExec1 is not configured");
            assertThat(text.change(List.of(f))).contains("RESTART_CHECK_SCHEDULED_RESTART_SERVER_TIME_ZONE")
                    .doesNotContain("restart-url");
        });
    }

    @Test
    void restartSourceDown_alertStillNamesTheSourcesAnswer() {
        InstanceAudit audit = auditor.audit("mcExec1", new RestartFetch.Unavailable(RestartSource.HTTP_JSON, "HTTP 503"),
                RestartSchedule.unknownZone(LocalTime.of(6, 0)), WorkflowSchedule.ADOBE_DEFAULT, ZoneId.of("UTC"), NOW,
                Messages.english());

        Finding finding = Finding.audit(NOW, List.of(audit)).get(0);

        assertThat(text.change(List.of(finding))).contains("restart-url of mcExec1").contains("HTTP 503");
    }
}
