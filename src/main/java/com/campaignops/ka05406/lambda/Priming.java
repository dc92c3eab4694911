package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.diagnosis.Diagnoser;
import com.campaignops.ka05406.notification.NotificationReader;
import com.campaignops.ka05406.observability.EmbeddedMetrics;
import com.campaignops.ka05406.observability.InvocationSummary;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSchedule;
import com.campaignops.ka05406.restart.http.HttpRestartTimeSource;
import com.campaignops.ka05406.service.Upstream;
import com.campaignops.ka05406.webhook.WebhookSecrets;
import com.campaignops.ka05406.webhook.WebhookSignature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs the function's code paths on a built-in sample so the first real invocation does not pay for
 * class loading and Jackson's serializers (about 100 ms measured, bench/README.md).
 *
 * <ul>
 *   <li>At start-up, every cold start: one diagnosis of the sample.</li>
 *   <li>Before a SnapStart checkpoint (CRaC {@code beforeCheckpoint}): more rounds, so the snapshot holds
 *       compiled code, plus the webhook signature check with a throwaway key, the metrics line, and the
 *       HTTP client's request path against a closed loopback port. No secret is read (the extension
 *       refuses calls during init anyway), no time is cached and no connection survives.</li>
 *   <li>After restore: HTTP clients and cached secrets are dropped, to be re-created with the restored
 *       environment's network and credentials.</li>
 * </ul>
 * Nothing here is logged as an invocation or counted in metrics.
 */
@ApplicationScoped
class Priming implements Resource {

    private static final Logger LOG = Logger.getLogger(Priming.class);
    private static final int CHECKPOINT_ROUNDS = 200;
    private static final String SAMPLE = """
            {"workflow": "mcSynch_priming", "failedAt": "2024-06-13 06:00:03.512Z", "timeZone": "Europe/Paris",
             "logs": [{"logDate": "2024-06-13 06:00:03.512Z", "logType": 0,
                       "message": "SOP-330011 Empty return for method &#39;Logon&#39; of service &#39;xtk:session&#39;."}]}""";

    private final ObjectMapper mapper;
    private final InstanceDirectory directory;
    private final HttpRestartTimeSource restartSource;
    private final WebhookSecrets secrets;
    private final RestartCheckConfig config;
    private final Clock clock;

    Priming(ObjectMapper mapper, InstanceDirectory directory, HttpRestartTimeSource restartSource,
            WebhookSecrets secrets, RestartCheckConfig config, Clock clock) {
        this.mapper = mapper;
        this.directory = directory;
        this.restartSource = restartSource;
        this.secrets = secrets;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent startup) {
        primeDiagnosis();
        // Held strongly by this application-scoped bean; the runtime calls it only under SnapStart.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        for (int round = 0; round < CHECKPOINT_ROUNDS; round++) {
            primeDiagnosis();
        }
        primeWebhookAndMetrics();
        restartSource.primeRequestPath();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restartSource.forgetClients();
        secrets.forget();
    }

    private void primeDiagnosis() {
        try {
            Diagnoser diagnoser = new Diagnoser(directory.rules(), directory.workflowPattern());
            if (diagnoser.triage(new NotificationReader(directory.maxLogLines(), clock).read(mapper.readTree(SAMPLE)))
                    instanceof Diagnoser.Triage.NeedsRestartTime needs) {
                RestartSchedule schedule = directory.restartScheduleOf("priming", null);
                mapper.writeValueAsString(diagnoser.decide(needs.candidate(), new RestartFetch.NotConfigured("priming"),
                        schedule, schedule.serverZone(), directory.workflowScheduleOf("priming")));
            }
        } catch (Exception e) {
            // Priming only saves time; the function works without it.
            LOG.warnf("Priming skipped: %s", e.toString());
        }
    }

    private void primeWebhookAndMetrics() {
        byte[] key = "priming-only-not-a-secret".getBytes(StandardCharsets.UTF_8);
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        new WebhookSignature(Duration.ofMinutes(5)).verify(timestamp, WebhookSignature.signatureOf(key, timestamp, body),
                body, List.of(key), clock.instant());
        new EmbeddedMetrics(mapper, config.metrics().namespace(), config.metrics().service()).line(new InvocationSummary(
                "priming", "direct", List.of("MATCH"), List.of("priming"), List.of("SCHEDULE"), Upstream.NONE,
                Duration.ofMillis(1)), Instant.EPOCH);
    }
}
