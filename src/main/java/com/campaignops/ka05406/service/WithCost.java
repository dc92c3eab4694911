package com.campaignops.ka05406.service;

import com.campaignops.ka05406.observability.UpstreamCost;

public record WithCost<T>(T answer, UpstreamCost cost) {
}
