package com.campaignops.ka05406.alerts;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Posts one body to one channel: bounded connect and attempt timeouts, no redirects, one retry after a
 * transient failure (5xx, timeout, failed connection; a 429 after its Retry-After when that is short), never
 * after another 4xx. Never throws: every outcome is a {@link Delivery}. Worst case per channel, defaults:
 * 2 s + max(0.2 s, 2 s Retry-After) + 2 s = 6 s.
 */
final class ChannelSender {

    private final AlertsConfig config;
    private final Clock clock;
    private final TypedGuard<Attempt> deadline;
    private final Map<URI, ChannelEndpoint> clients = new ConcurrentHashMap<>();

    ChannelSender(AlertsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        // Per attempt: the read timeout restarts with every chunk; this deadline does not.
        this.deadline = TypedGuard.create(Attempt.class).withTimeout()
                .duration(config.attemptTimeout().toMillis(), ChronoUnit.MILLIS).done().build();
    }

    /** One attempt's outcome; {@code retryAfter} is null when it must not be retried. */
    record Attempt(boolean delivered, String status, Duration retryAfter) {
    }

    Delivery send(ChannelName channel, URI url, byte[] body, Map<String, String> headers) {
        Attempt first = attempt(url, body, headers);
        if (first.delivered() || first.retryAfter() == null) {
            return new Delivery(channel, first.delivered(), first.status());
        }
        try {
            Thread.sleep(first.retryAfter().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(channel, false, first.status() + ", retry interrupted");
        }
        Attempt second = attempt(url, body, headers);
        return new Delivery(channel, second.delivered(), second.status() + (second.delivered() ? "" : " after 2 attempts"));
    }

    private Attempt attempt(URI url, byte[] body, Map<String, String> headers) {
        ChannelEndpoint client = clients.computeIfAbsent(url, this::client);
        try {
            return deadline.call(() -> {
                try (Response response = client.post(body, headers.get("X-Webhook-Timestamp"),
                        headers.get("X-Webhook-Signature"))) {
                    return classify(response);
                } catch (ProcessingException e) {
                    // The exception's message may name the host: only its kind is kept.
                    return new Attempt(false, "connection failed (" + rootCause(e).getClass().getSimpleName() + ")",
                            config.retryDelay());
                }
            });
        } catch (TimeoutException e) {
            return new Attempt(false, "timeout: no answer within " + config.attemptTimeout().toMillis() + " ms",
                    config.retryDelay());
        } catch (Exception e) {
            return new Attempt(false, "unexpected " + e.getClass().getSimpleName(), null);
        }
    }

    private Attempt classify(Response response) {
        int status = response.getStatus();
        String http = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return new Attempt(true, http, null);
        }
        if (status == 429) {
            Duration wait = retryAfter(response.getHeaderString("Retry-After"), clock.instant());
            if (wait == null) {
                return new Attempt(false, http, config.retryDelay());
            }
            if (wait.compareTo(config.maxRetryAfter()) > 0) {
                return new Attempt(false, http + ", Retry-After " + wait.toSeconds() + " s is longer than the "
                        + config.maxRetryAfter().toMillis() + " ms allowed: not retried", null);
            }
            return new Attempt(false, http, wait);
        }
        return new Attempt(false, http, status >= 500 ? config.retryDelay() : null);
    }

    /** Seconds, or an HTTP date (read against {@code now}); {@code null} when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration until = Duration.between(now,
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ChannelEndpoint client(URI url) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(url)
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Every status reaches classify() as a Response, rather than some as exceptions.
                .disableDefaultMapper(true)
                .build(ChannelEndpoint.class);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
