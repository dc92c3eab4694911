package com.campaignops.ka05406.restart.http;

import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.messages.Text;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.restart.RestartTimeSource;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.campaignops.ka05406.outbound.BoundedBody;
import com.campaignops.ka05406.outbound.Guards;
import com.campaignops.ka05406.outbound.HttpClients;
import com.campaignops.ka05406.outbound.Redaction;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

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
    private final ObjectMapper mapper;
    /** Per instance, its request within the policy around it, built once and kept for warm invocations. */
    private final Map<String, Callable<String>> endpoints = new ConcurrentHashMap<>();

    public HttpRestartTimeSource(InstanceDirectory directory, RestartCheckConfig config, ObjectMapper mapper) {
        this.directory = directory;
        this.http = config.http();
        this.mapper = mapper;
    }

    /** The instance's restart endpoint at exactly the configured URL: called only here, which owns its policy. */
    interface RestartEndpoint {
        /** The raw answer, so that {@code BoundedBody} can check its status and size before reading the body. */
        @GET
        @Produces({"application/json", "application/xml", "text/xml", "text/plain;q=0.5"})
        Response fetch();
    }

    @Override
    public RestartFetch recentRestarts(String instanceName) {
        if (instanceName == null) {
            return new RestartFetch.NotConfigured(Text.of("restart.noInstance"));
        }
        RestartCheckConfig.Instance instance = directory.find(instanceName).orElse(null);
        if (instance == null && !directory.isEmbeddedDefault(instanceName)) {
            return new RestartFetch.NotConfigured(Text.of("restart.instanceNotConfigured", instanceName,
                    String.join(", ", directory.names())));
        }
        if (instance == null || instance.restartUrl().isEmpty()) {
            return new RestartFetch.NotConfigured(Text.of("restart.noUrl", instanceName));
        }
        URI url = instance.restartUrl().get();
        RestartSource source = instance.restartFormat() == RestartCheckConfig.RestartFormat.MONITOR_XML
                ? RestartSource.MONITOR_XML : RestartSource.HTTP_JSON;
        Callable<String> guarded = endpoints.computeIfAbsent(instanceName.toLowerCase(Locale.ROOT),
                key -> build(key, url, instance));
        try {
            String body = guarded.call();
            return source == RestartSource.MONITOR_XML
                    ? new RestartFetch.Observed(source, MonitorXmlParser.parse(body, instance.monitor()))
                    : JsonRestartParser.parse(mapper, body, instance.jsonPointer());
        } catch (Exception e) {
            String reason = Guards.reasonOf(e, "the source", http.attemptTimeout(), http.breakerDelay());
            LOG.warnf("Restart source of instance %s (%s) unavailable: %s", instanceName, Redaction.url(url), reason);
            return new RestartFetch.Unavailable(source, reason);
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
        RestartEndpoint client = HttpClients.build(RestartEndpoint.class, URI.create("http://127.0.0.1:1/"),
                Duration.ofMillis(200), http.readTimeout(), null);
        try {
            BoundedBody.read(HttpClients.call(client::fetch), http.maxResponseBytes());
        } catch (RuntimeException expected) {
            // Refused, as intended: the point was the code path, not an answer.
        } finally {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // Nothing to release: it never connected.
                }
            }
        }
    }

    /** Drops the clients (and their pools) built so far, e.g. after a SnapStart restore; breakers too. */
    public void forgetClients() {
        endpoints.clear();
    }

    private Callable<String> build(String key, URI url, RestartCheckConfig.Instance instance) {
        RestartEndpoint client = HttpClients.build(RestartEndpoint.class, url, http.connectTimeout(), http.readTimeout(),
                instance.authHeaderValue().<ClientRequestFilter>map(value -> request -> request.getHeaders()
                        .putSingle(instance.authHeaderName(), value)).orElse(null));
        TypedGuard<String> guard = Guards.read(String.class, "restart-source-" + key, http, http.attemptTimeout(), true);
        return () -> guard.call(() -> BoundedBody.read(HttpClients.call(client::fetch), http.maxResponseBytes()));
    }
}
