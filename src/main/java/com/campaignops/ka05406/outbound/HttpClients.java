package com.campaignops.ka05406.outbound;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every outbound REST client is built here, the same way: bounded connect and read timeouts, no redirect ever
 * followed (a URL comes only from configuration; a Location header could send the function anywhere, e.g. to a
 * cloud metadata address), and every status handed back as a {@link Response}, read by {@link BoundedBody}.
 */
public final class HttpClients {

    private HttpClients() {
    }

    /** @param headers added to every request (e.g. an auth header), or {@code null} */
    public static <T> T build(Class<T> api, URI url, Duration connectTimeout, Duration readTimeout,
                              ClientRequestFilter headers) {
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Every status reaches the caller as a Response, rather than some as exceptions.
                .disableDefaultMapper(true);
        if (headers != null) {
            builder.register(headers);
        }
        return builder.build(api);
    }

    /** The call's answer; a failure to connect or to get an answer becomes a {@link CallFailure.Transient}. */
    public static Response call(Supplier<Response> request) {
        try {
            return request.get();
        } catch (ProcessingException e) {
            throw CallFailure.of(e);
        }
    }
}
