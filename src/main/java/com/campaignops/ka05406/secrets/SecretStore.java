package com.campaignops.ka05406.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one reader of secrets kept in SSM Parameter Store or Secrets Manager (the webhook secret, the alert channels'
 * URLs, the Campaign password), with one cache and one failure policy:
 * <ul>
 *   <li>A value read is reused for the caller's TTL, then read again; concurrent callers wait for one read.</li>
 *   <li>When a read fails and a value was read before, that value stays in use for another TTL (a warning names
 *       the store and the reason): an outage of the secret store does not become an outage of the function.</li>
 *   <li>When a read fails and nothing was read before, {@link SecretUnavailableException} says why and nothing is
 *       cached: the next call reads again. Each caller reports it its own way (webhook 503, alert not sent,
 *       Campaign UNKNOWN).</li>
 *   <li>Nothing is read during init; {@link #forget()} drops every value (after a SnapStart restore).</li>
 * </ul>
 * No message or log line holds a value.
 */
@ApplicationScoped
public class SecretStore {

    private static final Logger LOG = Logger.getLogger(SecretStore.class);

    /** Reads a value from its store (the extension in production). */
    public interface Fetch {
        /** @throws SecretUnavailableException with a reason that holds no secret; never a blank value */
        String value(SecretRef ref);
    }

    public record Pair(String first, Optional<String> second) {
    }

    private record Cached(String value, Instant expires) {
    }

    private final Fetch fetch;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<SecretRef, Cached> cache = new ConcurrentHashMap<>();

    public SecretStore(Fetch fetch, ObjectMapper mapper, Clock clock) {
        this.fetch = fetch;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** @throws SecretUnavailableException when it cannot be read and was never read before */
    public String read(SecretRef ref, Duration ttl) {
        Cached cached = cache.get(ref);
        return cached != null && clock.instant().isBefore(cached.expires()) ? cached.value() : refresh(ref, ttl);
    }

    /**
     * A value holding one or two strings: one line; two lines; or a JSON object with the two fields named here.
     *
     * @throws SecretUnavailableException as {@link #read}, or when the value holds no first string
     */
    public Pair readPair(SecretRef ref, Duration ttl, String firstField, String secondField) {
        String text = read(ref, ttl).strip();
        boolean looksLikeJson = text.startsWith("{");
        List<String> parts;
        if (looksLikeJson) {
            try {
                JsonNode json = mapper.readTree(text);
                parts = List.of(json.path(firstField).asText("").strip(), json.path(secondField).asText("").strip());
            } catch (JsonProcessingException e) {
                throw new SecretUnavailableException("the value looks like JSON but is not valid JSON");
            }
        } else {
            parts = text.lines().map(String::strip).filter(line -> !line.isEmpty()).limit(2).toList();
        }
        if (parts.isEmpty() || parts.get(0).isEmpty()) {
            throw new SecretUnavailableException(looksLikeJson ? "the secret's JSON has no \"" + firstField + "\""
                    : "the parameter or secret is empty");
        }
        return new Pair(parts.get(0), parts.stream().skip(1).filter(second -> !second.isEmpty()).findFirst());
    }

    /** Drops every value read, e.g. after a SnapStart restore; the next call reads again. */
    public void forget() {
        cache.clear();
    }

    /** One read at a time: concurrent invocations wait for it rather than all asking the store. */
    private synchronized String refresh(SecretRef ref, Duration ttl) {
        Cached stale = cache.get(ref);
        Instant now = clock.instant();
        if (stale != null && now.isBefore(stale.expires())) {
            return stale.value();
        }
        String value;
        try {
            value = fetch.value(ref);
        } catch (SecretUnavailableException e) {
            if (stale == null) {
                throw e;
            }
            LOG.warnf("%s not refreshed (%s); the value read before stays in use for %s", ref, e.getMessage(), ttl);
            value = stale.value();
        }
        cache.put(ref, new Cached(value, now.plus(ttl)));
        return value;
    }
}
