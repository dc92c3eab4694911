package com.campaignops.ka05406.service;

import com.campaignops.ka05406.observability.UpstreamCost;

/** An answer of the service, with what it cost upstream. */
public record WithCost<T>(T answer, UpstreamCost cost) {
}
