package com.campaignops.ka05406.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one failure policy and the one parser of stored secrets, with a scripted store and a clock moved by hand. */
class SecretStoreTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final SecretRef PARAMETER = new SecretRef(SecretRef.Store.PARAMETER, "/campaign/password");
    private static final SecretRef SECRET = new SecretRef(SecretRef.Store.SECRET, "campaign/webhook");

    private final MovableClock clock = new MovableClock();
    /** What the store answers next: a value, or {@code null} for a failure. */
    private final Deque<String> answers = new ArrayDeque<>();
    private final List<SecretRef> reads = new ArrayList<>();
    private final SecretStore store = new SecretStore(ref -> {
        reads.add(ref);
        String next = answers.poll();
        if (next == null) {
            throw new SecretUnavailableException("the extension answered HTTP 500");
        }
        return next;
    }, new ObjectMapper(), clock);

    @Test
    void aValue_isReusedForItsTtl_thenReadAgain() {
        answers.add("first");
        answers.add("second");

        assertThat(store.read(PARAMETER, TTL)).isEqualTo("first");
        clock.advance(TTL.minusSeconds(1));
        assertThat(store.read(PARAMETER, TTL)).isEqualTo("first");
        assertThat(reads).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.read(PARAMETER, TTL)).isEqualTo("second");
        assertThat(reads).hasSize(2);
    }

    @Test
    void aFailedRefresh_keepsTheValueReadBefore_forAnotherTtl() {
        answers.add("good");
        store.read(PARAMETER, TTL);
        clock.advance(TTL);

        assertThat(store.read(PARAMETER, TTL)).isEqualTo("good");
        assertThat(store.read(PARAMETER, TTL)).isEqualTo("good");
        assertThat(reads).as("the failure is not retried on every call").hasSize(2);
        clock.advance(TTL);
        answers.add("rotated");
        assertThat(store.read(PARAMETER, TTL)).isEqualTo("rotated");
    }

    @Test
    void aFirstReadThatFails_throws_andIsNotCached() {
        assertThatThrownBy(() -> store.read(SECRET, TTL)).isInstanceOf(SecretUnavailableException.class)
                .hasMessage("the extension answered HTTP 500");
        answers.add("now-readable");

        assertThat(store.read(SECRET, TTL)).isEqualTo("now-readable");
        assertThat(reads).hasSize(2);
    }

    @Test
    void eachStoredSecret_isCachedOnItsOwn_andForgetDropsThemAll() {
        answers.addAll(List.of("a", "b", "c"));

        assertThat(store.read(PARAMETER, TTL)).isEqualTo("a");
        assertThat(store.read(SECRET, TTL)).isEqualTo("b");
        store.forget();
        assertThat(store.read(PARAMETER, TTL)).isEqualTo("c");
        assertThat(reads).containsExactly(PARAMETER, SECRET, PARAMETER);
    }

    @Test
    void aPair_isOneLine_twoLines_orJsonWithTheTwoNamedFields() {
        answers.addAll(List.of(" only \n", "current\n\n  previous \nthird", "{\"current\": \"c\", \"previous\": \"p\"}",
                "{\"current\": \"c\"}"));

        assertThat(pair()).isEqualTo(new SecretStore.Pair("only", Optional.empty()));
        assertThat(pair()).isEqualTo(new SecretStore.Pair("current", Optional.of("previous")));
        assertThat(pair()).isEqualTo(new SecretStore.Pair("c", Optional.of("p")));
        assertThat(pair()).isEqualTo(new SecretStore.Pair("c", Optional.empty()));
    }

    @Test
    void aPair_withoutItsFirstString_orWithBrokenJson_isUnavailable_withoutQuotingTheValue() {
        answers.addAll(List.of("{\"current\": \"s3cret\"", "{\"previous\": \"s3cret\"}"));

        assertThatThrownBy(this::pair).isInstanceOf(SecretUnavailableException.class)
                .hasMessage("the value looks like JSON but is not valid JSON");
        assertThatThrownBy(this::pair).isInstanceOf(SecretUnavailableException.class)
                .hasMessage("the secret's JSON has no \"current\"");
    }

    @Test
    void aReference_prefersTheParameter_andIgnoresBlankNames() {
        assertThat(SecretRef.of(Optional.of("/p"), Optional.of("s"))).contains(new SecretRef(SecretRef.Store.PARAMETER, "/p"));
        assertThat(SecretRef.of(Optional.of(" "), Optional.of("s"))).contains(new SecretRef(SecretRef.Store.SECRET, "s"));
        assertThat(SecretRef.of(Optional.empty(), Optional.of(""))).isEmpty();
        assertThat(PARAMETER).hasToString("SSM parameter /campaign/password");
    }

    private SecretStore.Pair pair() {
        clock.advance(TTL);
        return store.readPair(SECRET, TTL, "current", "previous");
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2024-06-14T07:15:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
