package com.campaignops.ka05406.service;

import com.campaignops.ka05406.observability.UpstreamCost;
import com.campaignops.ka05406.restart.RestartFetch;
import com.campaignops.ka05406.restart.RestartTimeSource;

/** A restart fetch and what it cost, measured on the thread that made it. */
record Timed(RestartFetch fetch, UpstreamCost cost) {

    static Timed fetch(RestartTimeSource source, String name) {
        long start = System.nanoTime();
        RestartFetch fetch = source.recentRestarts(name);
        return new Timed(fetch, UpstreamCost.of(fetch, start));
    }
}
