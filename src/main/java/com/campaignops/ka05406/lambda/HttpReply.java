package com.campaignops.ka05406.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.TreeMap;

/** The response API Gateway (REST 1.0 and HTTP 2.0) and Function URLs turn into an HTTP response. */
record HttpReply(int statusCode, Map<String, String> headers, String body,
                 @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

    static HttpReply json(int status, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new TreeMap<>(extraHeaders);
        headers.put("content-type", "application/json");
        return new HttpReply(status, Map.copyOf(headers), body, false);
    }
}
