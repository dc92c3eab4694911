package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.CapturedOutput;
import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.InvalidSettingsException;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.config.SettingsValidator;
import com.campaignops.ka05406.config.TestSettings;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.campaignops.ka05406.service.RestartCheckService;
import com.campaignops.ka05406.service.WithCost;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.StartupEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up priming runs the service's own diagnose and audit, with a restart source that makes no call, so what
 * is primed is what runs; it never swallows a settings error, and any other failure only costs the warm-up.
 */
class PrimingTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-13T07:15:00Z"), ZoneOffset.UTC);
    private static final RestartTimeSource CALLING = instance -> {
        throw new AssertionError("priming asked the configured restart source");
    };

    @RegisterExtension
    final CapturedOutput output = CapturedOutput.logs();

    private final RestartCheckConfig config = TestSettings.of(Map.of("restart-check.instances.primary.name", "mcExec1",
            "restart-check.instances.primary.restart-url", "https://exec1.example.com/restart"));
    private final InstanceDirectory directory = new InstanceDirectory(config);

    @Test
    void startUpPriming_diagnosesTheSampleAndAudits_throughTheService_withoutCallingTheSource() {
        List<String> calls = new ArrayList<>();
        RestartCheckService service = new RestartCheckService(directory, CALLING, CLOCK, new com.campaignops.ka05406.outbound.Workers()) {
            @Override
            public WithCost<Diagnosis> diagnose(JsonNode notification, String language, RestartTimeSource source) {
                assertThat(source.recentRestarts("mcExec1")).isInstanceOf(RestartFetch.NotConfigured.class);
                WithCost<Diagnosis> diagnosed = super.diagnose(notification, language, source);
                calls.add("diagnose " + diagnosed.answer().verdict());
                return diagnosed;
            }

            @Override
            public WithCost<AuditReport> audit(RestartTimeSource source) {
                WithCost<AuditReport> audited = super.audit(source);
                calls.add("audit " + audited.answer().instances().get(0).instance());
                return audited;
            }
        };

        priming(service).onStart(new StartupEvent());

        assertThat(calls).containsExactly("diagnose " + Verdict.MATCH, "audit mcExec1");
        assertThat(output.warningMessages()).isEmpty();
    }

    @Test
    void aSettingsError_isNeverSwallowed() {
        InvalidSettingsException invalid = new InvalidSettingsException(List.of(new SettingsValidator.Violation(
                "restart-check.rule.short-offset-minutes", "0", "a whole number from 1 to 60")));
        RestartCheckService service = new RestartCheckService(directory, CALLING, CLOCK, new com.campaignops.ka05406.outbound.Workers()) {
            @Override
            public WithCost<Diagnosis> diagnose(JsonNode notification, String language, RestartTimeSource source) {
                throw invalid;
            }
        };

        assertThatThrownBy(() -> priming(service).onStart(new StartupEvent())).isSameAs(invalid);
    }

    @Test
    void anyOtherFailure_onlySkipsTheWarmUp_withAWarning() {
        RestartCheckService service = new RestartCheckService(directory, CALLING, CLOCK, new com.campaignops.ka05406.outbound.Workers()) {
            @Override
            public WithCost<Diagnosis> diagnose(JsonNode notification, String language, RestartTimeSource source) {
                throw new IllegalStateException("a bug");
            }
        };

        priming(service).onStart(new StartupEvent());

        assertThat(output.warningMessages()).singleElement().asString().contains("Priming skipped", "a bug");
    }

    private Priming priming(RestartCheckService service) {
        return new Priming(JSON, service, null, null, CLOCK);
    }
}
