package com.campaignops.ka05406.service;

/** An answer of the service, with what it cost upstream. */
public record Checked<T>(T answer, Upstream upstream) {
}
