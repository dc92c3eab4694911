package com.campaignops.ka05406.outbound;

import com.amazonaws.services.lambda.runtime.Context;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One invocation's time: the smaller of what Lambda leaves it ({@link Context#getRemainingTimeInMillis()}) and the
 * configured deadline, less a margin for writing the answer. Every wait of the invocation draws on it (the sweep's
 * reads, its Logoff, the alert sends), so what does not fit is reported as such instead of the runtime killing the
 * invocation and losing its findings. A phase that must leave time to a later one waits on {@link #less} that time.
 *
 * @param deadlineNanos when it ends, on {@link System#nanoTime()}'s scale
 * @param total         what the whole invocation was given, e.g. for "the invocation's 24000 ms budget ended"
 */
public record Budget(long deadlineNanos, Duration total) {

    /** Lambda's longest timeout: a larger remaining time is not a real context's (a test's mock has none). */
    private static final long MAX_LAMBDA_MILLIS = 900_000;

    /**
     * @param context    the invocation's, or {@code null}; a remaining time outside 1 ms to 15 min is ignored (the
     *                   test runtime's mock context carries no deadline)
     * @param configured the deadline the settings give, or {@code null} for none
     */
    public static Budget of(Context context, Duration configured, Duration margin) {
        long remaining = context == null ? -1 : context.getRemainingTimeInMillis();
        Duration limit = configured == null ? Duration.ofMillis(MAX_LAMBDA_MILLIS) : configured;
        if (remaining > 0 && remaining <= MAX_LAMBDA_MILLIS && Duration.ofMillis(remaining).compareTo(limit) < 0) {
            limit = Duration.ofMillis(remaining);
        }
        Duration total = margin.compareTo(limit) > 0 ? Duration.ZERO : limit.minus(margin);
        return new Budget(System.nanoTime() + total.toNanos(), total);
    }

    public Duration remaining() {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** The same budget ending {@code reserve} earlier: what a phase may use when a later one needs that much. */
    public Budget less(Duration reserve) {
        return new Budget(deadlineNanos - reserve.toNanos(), total);
    }

    /**
     * The task's result, waited for at most the time left; when that ends first it is cancelled (interrupted) and
     * {@code outOfTime} answers instead (as it does for a task cancelled before). A failure of the task is rethrown
     * as it was when unchecked.
     */
    public <T> T await(Future<T> task, Supplier<T> outOfTime) {
        try {
            return task.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException | InterruptedException e) {
            task.cancel(true);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return outOfTime.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException unchecked ? unchecked
                    : new IllegalStateException(e.getCause());
        }
    }

    @Override
    public String toString() {
        return total.toMillis() + " ms";
    }
}
