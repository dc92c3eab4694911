package com.campaignops.ka05406.outbound;

import com.campaignops.ka05406.config.RestartCheckConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The resilience policy of every read (restart sources, Campaign's queries and Logon): a deadline per attempt,
 * retries of transient failures (reads are idempotent), and a breaker that a permanent failure does not open,
 * all from the {@code http} group. SmallRye applies the timeout inside the retry whatever the order declared.
 */
public final class Guards {

    private Guards() {
    }

    /**
     * @param retried        whether transient failures are retried ({@code false} for a Logon: a wrong password
     *                       repeated is how an operator gets locked)
     * @param notFailures    failures that are answers, not a sick server: they do not open the breaker
     */
    @SafeVarargs
    public static <T> TypedGuard<T> read(Class<T> type, String breaker, RestartCheckConfig.Http http,
                                         Duration attemptTimeout, boolean retried,
                                         Class<? extends Throwable>... notFailures) {
        TypedGuard.Builder<T> guard = TypedGuard.create(type);
        if (retried) {
            guard = guard.withRetry()
                    .maxRetries(http.maxRetries())
                    .delay(http.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(http.retryJitter().toMillis(), ChronoUnit.MILLIS)
                    .retryOn(List.of(CallFailure.Transient.class, TimeoutException.class))
                    .done();
        }
        List<Class<? extends Throwable>> skipped = new ArrayList<>(List.of(notFailures));
        skipped.add(CallFailure.Permanent.class);
        return guard.withCircuitBreaker()
                .name(breaker)
                .requestVolumeThreshold(http.breakerRequestVolume())
                .failureRatio(http.breakerFailureRatio())
                .delay(http.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                .skipOn(skipped)
                .done()
                // The read timeout restarts with every chunk, so only this deadline stops a body dribbled byte by
                // byte. It interrupts the blocked read.
                .withTimeout().duration(attemptTimeout.toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }

    /** A guarded call's failure, as a reason; {@code who} names the server in an open breaker's. */
    public static String reasonOf(Exception e, String who, Duration attemptTimeout, Duration breakerDelay) {
        if (e instanceof TimeoutException) {
            return "timeout: no complete answer within " + attemptTimeout.toMillis() + " ms";
        }
        if (e instanceof CircuitBreakerOpenException) {
            return "skipped: " + who + " failed repeatedly, the breaker is open for " + breakerDelay.toSeconds() + " s";
        }
        return e instanceof CallFailure ? e.getMessage() : "unexpected " + e.getClass().getSimpleName();
    }

    /** The deadline alone, for a call that is neither retried nor watched by a breaker (a Logoff). */
    public static <T> TypedGuard<T> deadline(Class<T> type, Duration attemptTimeout) {
        return TypedGuard.create(type).withTimeout().duration(attemptTimeout.toMillis(), ChronoUnit.MILLIS).done().build();
    }
}
