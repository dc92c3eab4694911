package com.campaignops.ka05406.restart.http;

import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads an execution instance's restart time over HTTP, from the URL configured for that instance
 * (never from the payload). Owns the resilience policy: connect and read timeouts, retries for
 * transient failures only, and a breaker per instance so one dead server neither slows down every
 * invocation nor trips the others. Whatever goes wrong becomes {@link RestartFetch.Unavailable}.
 */
@ApplicationScoped
public class HttpRestartTimeSource implements RestartTimeSource {

    private static final Logger LOG = Logger.getLogger(HttpRestartTimeSource.class);

    private final InstanceDirectory directory;
    private final RestartCheckConfig.Http http;
    private final JsonRestartParser jsonParser;
    private final MonitorXmlParser xmlParser = new MonitorXmlParser();
    private final Map<String, GuardedEndpoint> endpoints = new ConcurrentHashMap<>();

    public HttpRestartTimeSource(InstanceDirectory directory, RestartCheckConfig config, ObjectMapper mapper) {
        this.directory = directory;
        this.http = config.http();
        this.jsonParser = new JsonRestartParser(mapper);
    }

    /** One instance's request and the policy around it, built once and kept for warm invocations. */
    private record GuardedEndpoint(Callable<String> request, TypedGuard<String> guard) {
    }

    @Override
    public RestartFetch recentRestarts(String instanceName) {
        if (instanceName == null) {
            return new RestartFetch.NotConfigured("No instance was given, and the workflow name carries none");
        }
        RestartCheckConfig.Instance instance = directory.find(instanceName).orElse(null);
        if (instance == null) {
            return new RestartFetch.NotConfigured("Instance " + instanceName + " is not configured (configured: "
                    + String.join(", ", directory.names()) + ")");
        }
        if (instance.restartUrl().isEmpty()) {
            return new RestartFetch.NotConfigured("No restart URL is configured for instance " + instanceName);
        }
        URI url = instance.restartUrl().get();
        RestartSource source = instance.restartFormat() == RestartCheckConfig.RestartFormat.MONITOR_XML
                ? RestartSource.MONITOR_XML : RestartSource.HTTP_JSON;
        GuardedEndpoint guarded = endpoints.computeIfAbsent(instanceName.toLowerCase(),
                key -> build(key, url, instance));
        try {
            String body = guarded.guard().call(guarded.request());
            List<Instant> restarts = source == RestartSource.MONITOR_XML
                    ? xmlParser.parse(body, instance.monitor())
                    : jsonParser.parse(body, instance.jsonPointer());
            return new RestartFetch.Observed(source, restarts);
        } catch (FetchFailure | UnreadableBodyException e) {
            return unavailable(instanceName, url, source, e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            return unavailable(instanceName, url, source, "skipped: the source failed repeatedly, the breaker is "
                    + "open for " + http.breakerDelay().toSeconds() + " s");
        } catch (Exception e) {
            return unavailable(instanceName, url, source, "unexpected " + e.getClass().getSimpleName());
        }
    }

    private RestartFetch unavailable(String instance, URI url, RestartSource source, String reason) {
        LOG.warnf("Restart source of instance %s (%s) unavailable: %s", instance, Redaction.url(url), reason);
        return new RestartFetch.Unavailable(source, reason);
    }

    private GuardedEndpoint build(String key, URI url, RestartCheckConfig.Instance instance) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(http.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(http.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        instance.authHeaderValue().ifPresent(value -> builder.register(
                (ClientRequestFilter) request -> request.getHeaders().putSingle(instance.authHeaderName(), value)));
        RestartEndpoint client = builder.build(RestartEndpoint.class);
        TypedGuard<String> guard = TypedGuard.create(String.class)
                .withRetry()
                .maxRetries(http.maxRetries())
                .delay(http.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .retryOn(FetchFailure.Transient.class)
                .done()
                .withCircuitBreaker()
                .name("restart-source-" + key)
                .requestVolumeThreshold(http.breakerRequestVolume())
                .failureRatio(http.breakerFailureRatio())
                .delay(http.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .skipOn(FetchFailure.Permanent.class)
                .done()
                .build();
        return new GuardedEndpoint(() -> call(client), guard);
    }

    /** Sorts failures into worth-a-retry and not, with a reason free of URLs' query strings. */
    private static String call(RestartEndpoint client) {
        try {
            return client.fetch();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String reason = "HTTP " + status;
            throw status >= 500 || status == 429 ? new FetchFailure.Transient(reason) : new FetchFailure.Permanent(reason);
        } catch (ProcessingException e) {
            throw new FetchFailure.Transient(Redaction.cause(e));
        }
    }
}
