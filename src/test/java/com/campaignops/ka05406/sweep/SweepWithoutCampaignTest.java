package com.campaignops.ka05406.sweep;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static org.assertj.core.api.Assertions.assertThat;

/** With no Campaign URL (the default), the schedule only audits, and a sweep on demand says why it read nothing. */
@QuarkusTest
class SweepWithoutCampaignTest {

    @Test
    void scheduledEvent_withoutACampaignUrl_answersThePlainAudit() {
        JsonPath report = invoke("events/scheduled-audit.json");

        assertThat(report.getList("instances.instance")).containsExactly("mcExec1");
        assertThat(report.getMap("$")).containsKey("instances").doesNotContainKey("workflows");
    }

    @Test
    void sweepOnDemand_withoutACampaignUrl_readsNothing_andSaysSo_besideTheAudit() {
        JsonPath report = invoke("events/sweep.json");

        assertThat(report.getList("workflows")).isEmpty();
        assertThat(report.getList("evidence", String.class))
                .anyMatch(e -> e.startsWith("No Campaign URL is configured (restart-check.campaign.url)"));
        assertThat(report.getList("instances.instance")).containsExactly("mcExec1");
        // Nothing was read, so the evidence must not claim the journal showed anything.
        assertThat(report.getString("instances[0].evidence[0]"))
                .isEqualTo("The audit used the configured workflow-schedule (every 60 min from 00:00): no journal of "
                        + "its mcSynch workflow was read.");
    }
}
