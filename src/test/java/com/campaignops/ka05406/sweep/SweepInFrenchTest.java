package com.campaignops.ka05406.sweep;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** With restart-check.language=fr, the sweep (and its audit) answer in French, as the plain audit does. */
@QuarkusTest
@TestProfile(SweepInFrenchTest.French.class)
class SweepInFrenchTest {

    public static class French implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("restart-check.language", "fr");
        }
    }

    @Test
    void sweepOnDemand_speaksTheConfiguredLanguage_machineFieldsUnchanged() {
        JsonPath report = invoke("events/sweep.json");

        assertThat(report.getString("language")).isEqualTo("fr");
        assertThat(report.getList("evidence", String.class)).containsExactly("Aucune URL Campaign n'est configurée "
                + "(restart-check.campaign.url)\u00a0: aucun workflow n'a été lu\u00a0; l'audit a utilisé les "
                + "planifications de workflow configurées.");
        assertThat(report.getString("instances[0].evidence[0]"))
                .startsWith("L'audit a utilisé le workflow-schedule configuré (toutes les 60 min à partir de 00:00)")
                .endsWith("aucun log de son workflow mcSynch n'a été lu.");
        assertThat(report.getString("instances[0].instance")).isEqualTo("mcExec1");
        assertThat(report.getString("instances[0].status")).isIn("AT_RISK", "CLEAR", "UNKNOWN");
    }
}
