package com.campaignops.ka05406.service;

import com.campaignops.ka05406.observability.UpstreamCost;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.outbound.Workers;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartTimeSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Each instance's restart source asked once per invocation, and every configured one at once (while the sweep reads
 * Campaign): the audit or the sweep then waits about one source's worst case, not their sum, even when they all hang.
 */
final class RestartFetches {

    private final RestartTimeSource source;
    private final Workers workers;
    private final Budget budget;
    private final Function<String, RestartFetch> outOfTime;
    private final Map<String, Future<WithCost<RestartFetch>>> asked = new ConcurrentHashMap<>();

    /**
     * @param budget    how long the answers are waited for, or {@code null}: as long as each takes (its own timeouts
     *                  bound it)
     * @param outOfTime what stands in for an answer the budget did not wait for
     */
    RestartFetches(RestartTimeSource source, Workers workers, Budget budget, Function<String, RestartFetch> outOfTime,
                   List<String> names) {
        this.source = source;
        this.workers = workers;
        this.budget = budget;
        this.outOfTime = outOfTime;
        names.forEach(this::ask);
    }

    /** A restart fetch and what it cost, measured on the thread that made it. */
    static WithCost<RestartFetch> timed(RestartTimeSource source, String name) {
        long start = System.nanoTime();
        RestartFetch fetch = source.recentRestarts(name);
        return new WithCost<>(fetch, UpstreamCost.of(fetch, start));
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
        UpstreamCost cost = UpstreamCost.NONE;
        for (Map.Entry<String, Future<WithCost<RestartFetch>>> fetch : asked.entrySet()) {
            cost = cost.plus(answer(fetch.getKey(), fetch.getValue()).cost());
        }
        return cost;
    }

    private WithCost<RestartFetch> answer(String name, Future<WithCost<RestartFetch>> fetch) {
        return budget == null ? Workers.join(fetch) : budget.await(fetch,
                () -> new WithCost<>(outOfTime.apply(name), new UpstreamCost(1, 1, budget.total())));
    }
}
