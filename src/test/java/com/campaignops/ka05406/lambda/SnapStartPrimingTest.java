package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.CapturedOutput;
import com.campaignops.ka05406.WireMockProfile;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.campaignops.ka05406.LambdaInvocations.invoke;
import static com.campaignops.ka05406.LambdaInvocations.invokeWith;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SnapStart hooks, called as the Lambda runtime calls them around a snapshot: priming reaches no
 * configured server and no secret store, reports no invocation, and the restored function works.
 */
@QuarkusTest
@TestProfile(WireMockProfile.class)
@ConnectWireMock
class SnapStartPrimingTest {

    WireMock wiremock;

    @Inject
    Priming priming;

    @RegisterExtension
    final CapturedOutput output = CapturedOutput.logsAndStdout();

    @Test
    void checkpointPriming_callsNoServer_emitsNoMetrics_andTheRestoredFunctionFetchesAgain() {
        wiremock.resetRequests();

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        wiremock.verifyThat(0, anyRequestedFor(anyUrl()));
        assertThat(output.stdout()).doesNotContain("_aws");
        assertThat(output.messages()).as("no invocation logged, nothing skipped").isEmpty();

        wiremock.register(get(urlPathEqualTo("/restarts/jsonExec")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"lastRestart\": \"2024-06-13T06:00:01Z\"}")));
        String source = invokeWith("{\"workflow\":\"mcSynch_jsonExec\","
                + "\"failedAt\":\"2024-06-13T06:00:03Z\",\"error\":\"Empty return for method 'Logon' of service "
                + "'xtk:session'.\"}").getString("restartSource");
        assertThat(source).isEqualTo("HTTP_JSON");
        // At least once: on a loaded machine the first request after a restore (the client is built anew) may
        // outlast the profile's short attempt timeout and be retried.
        wiremock.verifyThat(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo("/restarts/jsonExec")));
        assertThat(invoke("events/direct-invocation.json").getString("verdict")).isEqualTo("MATCH");
    }
}
