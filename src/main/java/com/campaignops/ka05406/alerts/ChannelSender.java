package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.outbound.CallFailure;
import com.campaignops.ka05406.outbound.HttpClients;
import com.campaignops.ka05406.secrets.SecretRef;
import com.campaignops.ka05406.secrets.SecretStore;
import com.campaignops.ka05406.secrets.SecretUnavailableException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts one body to one channel, at most once per run as far as the channel can tell: a second attempt only when
 * the first cannot have been delivered (the connection failed before sending, a 5xx, a 429 after its Retry-After
 * when that is short), never after a timeout, when the message may have arrived: that is recorded as
 * {@code delivered: "unconfirmed"}. No retry that the invocation's time budget cannot hold. {@link #send} never
 * throws: every outcome is a {@link Delivery}. Worst case per channel, defaults: 1 s + 2 s + max(0.2 s, 2 s
 * Retry-After) + 3 s, cut by the budget.
 *
 * <p>Where each channel posts is read from the environment (local use) or, at send time, from SSM or Secrets Manager
 * through {@link SecretStore}, whose cache and failure policy apply. Only https URLs are used (http only to
 * localhost, for local receivers). No message here ever holds the URL or the secret.
 */
final class ChannelSender {

    private final AlertsConfig config;
    private final SecretStore store;
    private final Clock clock;
    private final Map<URI, ChannelEndpoint> clients = new ConcurrentHashMap<>();

    ChannelSender(AlertsConfig config, SecretStore store, Clock clock) {
        this.config = config;
        this.store = store;
        this.clock = clock;
    }

    record Target(URI url, byte[] signingSecret) {
    }

    /** The channel is configured but cannot be used now; the reason holds no secret. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** A channel's incoming webhook, at exactly its URL; headers left {@code null} are not sent (Slack, Teams). */
    interface ChannelEndpoint {
        @POST
        @Consumes("application/json")
        Response post(byte[] body, @HeaderParam(WebhookChannel.TIMESTAMP_HEADER) String timestamp,
                      @HeaderParam(WebhookChannel.SIGNATURE_HEADER) String signature);
    }

    /** One attempt's outcome; {@code retryAfter} is null when it must not be repeated. */
    private record Attempt(Delivery.Delivered delivered, String status, Duration retryAfter) {
    }

    /** @param progress what to report if the budget ends before this returns: updated before each step */
    Delivery send(ChannelName channel, URI url, byte[] body, Map<String, String> headers, Budget budget,
                  AtomicReference<Delivery> progress) {
        progress.set(new Delivery(channel, Delivery.Delivered.UNCONFIRMED,
                "unconfirmed: posted, no answer before the time budget ended"));
        Attempt first = attempt(url, body, headers);
        if (first.retryAfter() == null) {
            return new Delivery(channel, first.delivered(), first.status());
        }
        Delivery notRetried = new Delivery(channel, Delivery.Delivered.NO, first.status() + ", not retried: out of time");
        progress.set(notRetried);
        if (budget.remaining().compareTo(first.retryAfter().plus(config.attemptTimeout())) <= 0) {
            return notRetried;
        }
        try {
            Thread.sleep(first.retryAfter().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notRetried;
        }
        progress.set(new Delivery(channel, Delivery.Delivered.UNCONFIRMED,
                first.status() + ", then posted again: no answer before the time budget ended"));
        Attempt second = attempt(url, body, headers);
        return new Delivery(channel, second.delivered(),
                second.status() + (second.delivered() == Delivery.Delivered.NO ? " after 2 attempts" : ""));
    }

    private Attempt attempt(URI url, byte[] body, Map<String, String> headers) {
        // The read timeout is the attempt's deadline: the answer's body is never read.
        ChannelEndpoint client = clients.computeIfAbsent(url, at -> HttpClients.build(ChannelEndpoint.class, at,
                config.connectTimeout(), config.attemptTimeout(), null));
        try (Response response = HttpClients.call(() -> client.post(body, headers.get(WebhookChannel.TIMESTAMP_HEADER),
                headers.get(WebhookChannel.SIGNATURE_HEADER)))) {
            return classify(response);
        } catch (CallFailure.Transient failure) {
            // The message of a failed connection may name the host: only its kind is kept.
            return failure.kind() == CallFailure.Transient.Kind.NOT_SENT
                    ? new Attempt(Delivery.Delivered.NO, "connection failed, nothing sent", config.retryDelay())
                    : new Attempt(Delivery.Delivered.UNCONFIRMED, "timeout: no answer within "
                    + config.attemptTimeout().toMillis() + " ms; it may have arrived, so it is not posted again", null);
        } catch (RuntimeException e) {
            return new Attempt(Delivery.Delivered.NO, "unexpected " + e.getClass().getSimpleName(), null);
        }
    }

    private Attempt classify(Response response) {
        int status = response.getStatus();
        String http = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return new Attempt(Delivery.Delivered.YES, http, null);
        }
        if (status == 429) {
            Duration wait = retryAfter(response.getHeaderString("Retry-After"), clock.instant());
            if (wait == null) {
                return new Attempt(Delivery.Delivered.NO, http, config.retryDelay());
            }
            if (wait.compareTo(config.maxRetryAfter()) > 0) {
                return new Attempt(Delivery.Delivered.NO, http + ", Retry-After " + wait.toSeconds() + " s is longer than the "
                        + config.maxRetryAfter().toMillis() + " ms allowed: not retried", null);
            }
            return new Attempt(Delivery.Delivered.NO, http, wait);
        }
        return new Attempt(Delivery.Delivered.NO, http, status >= 500 ? config.retryDelay() : null);
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

    /** @throws Unavailable when the URL (or the webhook's signing secret) cannot be had now */
    Target resolve(ChannelName channel) {
        AlertsConfig.Channel settings = channel.settings(config);
        Target target;
        if (settings.url().isPresent() && !settings.url().get().isBlank()) {
            target = target(settings.url().get(),
                    channel == ChannelName.WEBHOOK ? config.webhook().signingSecret().orElse(null) : null);
        } else {
            try {
                SecretStore.Pair pair = store.readPair(SecretRef.of(settings.urlParameter(), settings.urlSecretId())
                        .orElseThrow(), config.secretCacheTtl(), "url", "signingSecret");
                target = target(pair.first(), pair.second().orElse(null));
            } catch (SecretUnavailableException e) {
                throw new Unavailable("the URL could not be read: " + e.getMessage());
            }
        }
        if (channel == ChannelName.WEBHOOK && target.signingSecret() == null) {
            throw new Unavailable("no signing secret configured");
        }
        return target;
    }

    private static Target target(String url, String signingSecret) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Unavailable("the configured URL is not a URL");
        }
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !("http".equalsIgnoreCase(uri.getScheme()) && local)) {
            throw new Unavailable("the configured URL is not https");
        }
        return new Target(uri, signingSecret == null || signingSecret.isBlank() ? null
                : signingSecret.strip().getBytes(StandardCharsets.UTF_8));
    }
}
