package com.campaignops.ka05406.restart.http;

import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.messages.Text;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reads an execution instance's restart time over HTTP, from the URL configured for that instance
 * (never from the payload). Owns the resilience policy: connect and read timeouts, a deadline per
 * attempt, a cap on the body, no redirects, retries for transient failures only, and a breaker per
 * instance so one dead server neither slows down every invocation nor trips the others. Whatever goes
 * wrong becomes {@link RestartFetch.Unavailable}.
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
            return new RestartFetch.NotConfigured(Text.of("restart.noInstance"));
        }
        RestartCheckConfig.Instance instance = directory.find(instanceName).orElse(null);
        if (instance == null && directory.isEmbeddedDefault(instanceName)) {
            return new RestartFetch.NotConfigured(Text.of("restart.noUrl", instanceName));
        }
        if (instance == null) {
            return new RestartFetch.NotConfigured(Text.of("restart.instanceNotConfigured", instanceName,
                    String.join(", ", directory.names())));
        }
        if (instance.restartUrl().isEmpty()) {
            return new RestartFetch.NotConfigured(Text.of("restart.noUrl", instanceName));
        }
        URI url = instance.restartUrl().get();
        RestartSource source = instance.restartFormat() == RestartCheckConfig.RestartFormat.MONITOR_XML
                ? RestartSource.MONITOR_XML : RestartSource.HTTP_JSON;
        GuardedEndpoint guarded = endpoints.computeIfAbsent(instanceName.toLowerCase(Locale.ROOT),
                key -> build(key, url, instance));
        try {
            String body = guarded.guard().call(guarded.request());
            return source == RestartSource.MONITOR_XML
                    ? new RestartFetch.Observed(source, xmlParser.parse(body, namesOf(instance.monitor())))
                    : jsonParser.parse(body, instance.jsonPointer());
        } catch (FetchFailure | UnreadableBodyException e) {
            return unavailable(instanceName, url, source, e.getMessage());
        } catch (TimeoutException e) {
            return unavailable(instanceName, url, source, "timeout: no complete answer within "
                    + http.attemptTimeout().toMillis() + " ms");
        } catch (CircuitBreakerOpenException e) {
            return unavailable(instanceName, url, source, "skipped: the source failed repeatedly, the breaker is "
                    + "open for " + http.breakerDelay().toSeconds() + " s");
        } catch (Exception e) {
            return unavailable(instanceName, url, source, "unexpected " + e.getClass().getSimpleName());
        }
    }

    /**
     * Runs the REST client's request path once against a closed loopback port, so its classes are loaded
     * before a SnapStart snapshot. Nothing is reached and no connection is left; skipped when no instance
     * has a restart URL, as the client is then never used.
     */
    public void primeRequestPath() {
        if (directory.names().stream().map(directory::find)
                .noneMatch(instance -> instance.flatMap(RestartCheckConfig.Instance::restartUrl).isPresent())) {
            return;
        }
        RestartEndpoint client = clientBuilder(URI.create("http://127.0.0.1:1/"), Duration.ofMillis(200))
                .build(RestartEndpoint.class);
        try {
            BoundedBody.read(client.fetch(), http.maxResponseBytes());
        } catch (RuntimeException expected) {
            // Refused, as intended: the point was the code path, not an answer.
        } finally {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // A client that never connected has nothing to release.
                }
            }
        }
    }

    /** Drops the clients (and their pools) built so far, e.g. after a SnapStart restore; breakers too. */
    public void forgetClients() {
        endpoints.clear();
    }

    private static MonitorXmlParser.Names namesOf(RestartCheckConfig.Monitor monitor) {
        return new MonitorXmlParser.Names(monitor.processElement(), monitor.nameAttribute(), monitor.namePrefix(),
                monitor.startAttribute());
    }

    private RestartFetch unavailable(String instance, URI url, RestartSource source, String reason) {
        LOG.warnf("Restart source of instance %s (%s) unavailable: %s", instance, Redaction.url(url), reason);
        return new RestartFetch.Unavailable(source, reason);
    }

    private GuardedEndpoint build(String key, URI url, RestartCheckConfig.Instance instance) {
        QuarkusRestClientBuilder builder = clientBuilder(url, http.connectTimeout());
        instance.authHeaderValue().ifPresent(value -> builder.register(
                (ClientRequestFilter) request -> request.getHeaders().putSingle(instance.authHeaderName(), value)));
        RestartEndpoint client = builder.build(RestartEndpoint.class);
        TypedGuard<String> guard = TypedGuard.create(String.class)
                .withRetry()
                .maxRetries(http.maxRetries())
                .delay(http.retryDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(http.retryJitter().toMillis(), ChronoUnit.MILLIS)
                .retryOn(List.of(FetchFailure.Transient.class, TimeoutException.class))
                .done()
                .withCircuitBreaker()
                .name("restart-source-" + key)
                .requestVolumeThreshold(http.breakerRequestVolume())
                .failureRatio(http.breakerFailureRatio())
                .delay(http.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .skipOn(FetchFailure.Permanent.class)
                .done()
                // Per attempt (SmallRye applies it inside the retry): the read timeout restarts with every
                // chunk, so only this deadline stops a body dribbled byte by byte. It interrupts the
                // blocked read.
                .withTimeout()
                .duration(http.attemptTimeout().toMillis(), ChronoUnit.MILLIS)
                .done()
                .build();
        return new GuardedEndpoint(() -> call(client), guard);
    }

    private QuarkusRestClientBuilder clientBuilder(URI url, Duration connectTimeout) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(http.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Every status reaches BoundedBody as a Response, rather than some as exceptions.
                .disableDefaultMapper(true);
    }

    /** A failed connection is worth a retry; what the answer says is sorted by {@link BoundedBody}. */
    private String call(RestartEndpoint client) {
        Response response;
        try {
            response = client.fetch();
        } catch (ProcessingException e) {
            throw new FetchFailure.Transient(Redaction.cause(e));
        }
        return BoundedBody.read(response, http.maxResponseBytes());
    }
}
