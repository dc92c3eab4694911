package com.campaignops.ka05406.service;

import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.observability.UpstreamCost;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.outbound.Workers;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartSource;
import com.campaignops.ka05406.restart.RestartTimeSource;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

/**
 * Each instance's restart source asked once per invocation, and every configured one at once (while the sweep reads
 * Campaign): the audit or the sweep then waits about one source's worst case, not their sum, even when they all hang.
 */
final class RestartFetches {

    private final RestartTimeSource source;
    private final Workers workers;
    private final Budget budget;
    private final InstanceDirectory directory;
    private final Map<String, Future<WithCost<RestartFetch>>> asked = new ConcurrentHashMap<>();

    /**
     * @param budget how long the answers are waited for, or {@code null}: as long as each takes (its own timeouts
     *               bound it)
     */
    RestartFetches(RestartTimeSource source, Workers workers, Budget budget, InstanceDirectory directory) {
        this.source = source;
        this.workers = workers;
        this.budget = budget;
        this.directory = directory;
        directory.names().forEach(this::ask);
    }

    /** A restart fetch and what it cost, measured on the thread that made it; one not configured made no call. */
    static WithCost<RestartFetch> timed(RestartTimeSource source, String name) {
        long start = System.nanoTime();
        RestartFetch fetch = source.recentRestarts(name);
        if (fetch instanceof RestartFetch.NotConfigured) {
            return new WithCost<>(fetch, UpstreamCost.NONE);
        }
        int fallbacks = fetch instanceof RestartFetch.Unavailable ? 1 : 0;
        return new WithCost<>(fetch, new UpstreamCost(1, fallbacks, Duration.ofNanos(System.nanoTime() - start)));
    }

    private Future<WithCost<RestartFetch>> ask(String name) {
        return asked.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> workers.submit(() -> timed(source, name)));
    }

    /** The instance's fetch; with no instance, the source's answer for none, which calls nothing. */
    RestartFetch of(String name) {
        return name == null ? source.recentRestarts(null) : answer(name, ask(name)).answer();
    }

    /** What every fetch cost; one the budget did not wait for counts as a failed call that took all of it. */
    UpstreamCost cost() {
        return asked.entrySet().stream().map(fetch -> answer(fetch.getKey(), fetch.getValue()).cost())
                .reduce(UpstreamCost.NONE, UpstreamCost::plus);
    }

    private WithCost<RestartFetch> answer(String name, Future<WithCost<RestartFetch>> fetch) {
        return budget == null ? Workers.join(fetch) : budget.await(fetch,
                () -> new WithCost<>(outOfTime(name), new UpstreamCost(1, 1, budget.total())));
    }

    /** An instance's restart fetch that the budget did not wait for: the schedule stands in, as for a failure. */
    private RestartFetch outOfTime(String name) {
        boolean xml = directory.find(name).map(i -> i.restartFormat() == RestartCheckConfig.RestartFormat.MONITOR_XML)
                .orElse(false);
        return new RestartFetch.Unavailable(xml ? RestartSource.MONITOR_XML : RestartSource.HTTP_JSON,
                "out of time: no answer within the invocation's " + budget + " budget");
    }
}
