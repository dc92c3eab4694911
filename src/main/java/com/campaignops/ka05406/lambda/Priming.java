package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.config.InvalidSettingsException;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.lambda.RestartCheckHandler.Answer;
import com.campaignops.ka05406.observability.EventShape;
import com.campaignops.ka05406.observability.InvocationLog;
import com.campaignops.ka05406.observability.UpstreamCost;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.campaignops.ka05406.restart.http.HttpRestartTimeSource;
import com.campaignops.ka05406.secrets.SecretStore;
import com.campaignops.ka05406.service.RestartCheckService;
import com.campaignops.ka05406.webhook.WebhookSignature;
import com.fasterxml.jackson.core.JsonProcessingException;
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
 * <p>Priming runs what invocations run: {@link RestartCheckService#diagnose} on a sample notification and
 * {@link RestartCheckService#audit}, with a restart source that makes no network call.
 *
 * <ul>
 *   <li>At start-up, every cold start: one diagnosis of the sample, and one audit.</li>
 *   <li>Before a SnapStart checkpoint (CRaC {@code beforeCheckpoint}): more rounds, so the snapshot holds
 *       compiled code, plus the webhook signature check with a throwaway key, the metrics line, and the
 *       HTTP client's request path against a closed loopback port. No secret is read (the extension
 *       refuses calls during init anyway), no time is cached and no connection survives.</li>
 *   <li>After restore: HTTP clients and cached secrets are dropped, to be re-created with the restored
 *       environment's network and credentials.</li>
 * </ul>
 * Nothing here is logged as an invocation or counted in metrics. Priming only saves time, so a failure in it is
 * logged and the function starts anyway; never an {@link InvalidSettingsException}, which must stop start-up.
 */
@ApplicationScoped
class Priming implements Resource {

    private static final Logger LOG = Logger.getLogger(Priming.class);
    private static final int CHECKPOINT_ROUNDS = 200;
    private static final String SAMPLE = """
            {"workflow": "mcSynch_priming", "failedAt": "2024-06-13 04:00:03.512Z", "timeZone": "Europe/Paris",
             "serverTimeZone": "Europe/Paris",
             "logs": [{"logDate": "2024-06-13 04:00:03.512Z", "logType": 0,
                       "message": "SOP-330011 Empty return for method 'Logon' of service 'xtk:session'."}]}""";

    /** Answers as when no restart URL is configured: the schedule decides. */
    private static final RestartTimeSource NO_CALL = instance -> new RestartFetch.NotConfigured("Priming makes no call");
    /** Answers as a source that observed the sample's restart, the other branch of the decision. */
    private static final RestartTimeSource OBSERVED = instance -> new RestartFetch.Observed(RestartSource.HTTP_JSON,
            List.of(Instant.parse("2024-06-13T04:00:01Z")));

    private final ObjectMapper mapper;
    private final RestartCheckService service;
    private final HttpRestartTimeSource restartSource;
    private final SecretStore secrets;
    private final Clock clock;

    Priming(ObjectMapper mapper, RestartCheckService service, HttpRestartTimeSource restartSource,
            SecretStore secrets, Clock clock) {
        this.mapper = mapper;
        this.service = service;
        this.restartSource = restartSource;
        this.secrets = secrets;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent startup) {
        prime(NO_CALL, true);
        // Held strongly by this application-scoped bean; the runtime calls it only under SnapStart.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        Diagnosis sample = null;
        for (int round = 0; round < CHECKPOINT_ROUNDS; round++) {
            // The audit runs once a day: once per source is enough; the diagnosis is what must be compiled.
            sample = prime(round % 2 == 0 ? NO_CALL : OBSERVED, round < 2);
        }
        byte[] key = "priming-only-not-a-secret".getBytes(StandardCharsets.UTF_8);
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        new WebhookSignature(Duration.ofMinutes(5)).verify(timestamp, WebhookSignature.signatureOf(key, timestamp, body),
                body, List.of(key), clock.instant());
        if (sample != null) {
            // Its namespace and service only name the metrics of a line that is thrown away.
            InvocationLog.metricsLine("priming", "priming", Answer.of(EventShape.DIRECT, new Outcome.Verdict(sample),
                    UpstreamCost.NONE).summary("priming", Duration.ofMillis(1)), Instant.EPOCH);
        }
        restartSource.primeRequestPath();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        restartSource.forgetClients();
        secrets.forget();
    }

    /** One diagnosis of the sample (and one audit), written as invocations write them; the diagnosis, or null. */
    private Diagnosis prime(RestartTimeSource source, boolean audit) {
        try {
            Diagnosis diagnosis = service.diagnose(mapper.readTree(SAMPLE), null, source).answer();
            mapper.writeValueAsString(new Outcome.Verdict(diagnosis));
            if (audit) {
                mapper.writeValueAsString(new Outcome.Audit(service.audit(source).answer()));
            }
            return diagnosis;
        } catch (InvalidSettingsException e) {
            throw e;
        } catch (JsonProcessingException | RuntimeException e) {
            // Priming only saves time; the function works without it.
            LOG.warnf("Priming skipped: %s", e.toString());
            return null;
        }
    }
}
