package com.campaignops.ka05406.outbound;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one pool for blocking calls made side by side (the audit's restart fetches, the sweep's journal reads and
 * fetches, the alert sends): plain daemon threads, not Vert.x event-loop ones, as the REST client call blocks.
 * Each task runs in its caller's log context (the request id), so a WARN on a pool thread names the invocation.
 * Threads are started on first use, up to {@link #THREADS}, and end after a minute idle; CDI creates the bean
 * when it is first called, so a function that never fans out never starts one. Callers bound their own share
 * (the sweep's {@code parallelism}); no task waits for another that could be queued behind it, except a journal
 * read waiting for a restart fetch, which was queued first.
 */
@ApplicationScoped
public class Workers {

    /** Threads at most: more than one invocation's fan-out (the sweep's parallelism, its fetches, the channels). */
    public static final int THREADS = 32;

    private final ThreadPoolExecutor pool;

    public Workers() {
        AtomicInteger count = new AtomicInteger();
        pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** {@code task} on a pool thread, in the caller's log context; cancelling the future interrupts it. */
    public <T> Future<T> submit(Supplier<T> task) {
        Map<String, Object> context = MDC.getMap();
        return pool.submit(() -> {
            context.forEach(MDC::put);
            try {
                return task.get();
            } finally {
                context.keySet().forEach(MDC::remove);
            }
        });
    }

    /** The task's result, however long it takes (its own timeouts bound it); its unchecked failure rethrown. */
    public static <T> T join(Future<T> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
