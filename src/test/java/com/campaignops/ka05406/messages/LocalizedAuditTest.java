package com.campaignops.ka05406.messages;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.audit.Auditor;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.notification.WorkflowNames;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit's texts follow the reader's language and clock; its machine fields do not. */
class LocalizedAuditTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final RestartSchedule SIX_AM_UTC = new RestartSchedule(LocalTime.of(6, 0), UTC);
    private static final RestartFetch NOT_CONFIGURED = new RestartFetch.NotConfigured(Text.of("restart.noUrl", "mcExec1"));
    private static final Instant NOW = Instant.parse("2024-06-13T07:15:00Z");

    private final Auditor auditor = new Auditor(DiagnosisRules.DEFAULT, WorkflowNames.DEFAULT);

    private InstanceAudit audit(Language language) {
        return auditor.audit("mcExec1", NOT_CONFIGURED, SIX_AM_UTC, WorkflowSchedule.ADOBE_DEFAULT, UTC, NOW,
                Messages.of(language));
    }

    @Test
    void english_isAsBefore() {
        InstanceAudit audit = audit(Language.EN);
        assertThat(audit.workflowSchedule()).isEqualTo("every 60 min from 00:00, UTC");
        assertThat(audit.evidence()).containsExactly(
                "No restart URL is configured for instance mcExec1: used the scheduled restart (processRestartTime 06:00:00 UTC).",
                "The run of mcSynch_mcExec1 at 06:00 (every 60 min from 00:00, UTC) starts from 5 min before the restart "
                        + "at 06:00 until 06:05, the recommended start (+5 min).");
    }

    @Test
    void french_speaksFrench_machineFieldsUnchanged() {
        InstanceAudit audit = audit(Language.FR);
        assertThat(audit.status()).isEqualTo(AuditStatus.AT_RISK);
        assertThat(audit.collidingRun()).isEqualTo("06:00");
        assertThat(audit.recommendation().schedulerStart()).isEqualTo("06:05");
        assertThat(audit.workflowSchedule()).isEqualTo("toutes les 60 min à partir de 00:00, UTC");
        assertThat(audit.evidence()).containsExactly(
                "Aucune URL de redémarrage n'est configurée pour l'instance mcExec1\u00a0: le redémarrage planifié a été "
                        + "utilisé (processRestartTime 06:00:00 UTC).",
                "L'exécution de mcSynch_mcExec1 à 06:00 (toutes les 60 min à partir de 00:00, UTC) démarre entre 5 min "
                        + "avant le redémarrage de 06:00 et 06:05, l'heure de début recommandée (+5 min).");
        assertThat(audit.recommendation().steps().get(1)).contains("Administration > Exploitation > Message Center", "Planificateur", "Changer…");
    }

    @Test
    void usEnglish_readsTheTwelveHourClock() {
        InstanceAudit audit = audit(Language.EN_US);
        assertThat(audit.collidingRun()).isEqualTo("06:00");
        assertThat(audit.workflowSchedule()).isEqualTo("every 60 min from 12:00 AM, UTC");
        assertThat(audit.evidence().get(1)).contains("at 6:00 AM", "until 6:05 AM");
        assertThat(audit.recommendation().steps().get(2)).startsWith("Set the start time to 6:05 AM (UTC)");
    }

    @Test
    void japanese_speaksJapanese() {
        InstanceAudit audit = audit(Language.JA);
        assertThat(audit.workflowSchedule()).isEqualTo("00:00 から 60 分ごと（UTC）");
        assertThat(audit.evidence().get(1)).startsWith("mcSynch_mcExec1 の 06:00 の実行");
    }
}
