package com.campaignops.ka05406.restart;

/** Port: asks an execution instance for its recent restart times. Never throws for a failing source. */
public interface RestartTimeSource {

    RestartFetch recentRestarts(String instance);
}
