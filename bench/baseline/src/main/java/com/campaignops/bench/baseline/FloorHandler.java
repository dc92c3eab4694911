package com.campaignops.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Not an implementation of the job: the harness's floor. It reads the event, makes the one GET of the
 * restart endpoint every implementation makes, and answers a fixed MATCH without reading either. Its
 * warm latency is what any function pays on this harness for the runtime interface client, the Runtime
 * API round trips and a loopback GET, so bench/run can show how much of ours and the baseline's is
 * their own work.
 */
public final class FloorHandler implements RequestStreamHandler {

    private static final byte[] ANSWER = "{\"verdict\":\"MATCH\"}".getBytes(StandardCharsets.UTF_8);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private static final HttpRequest RESTART = HttpRequest.newBuilder(
                    URI.create(System.getenv("RESTART_CHECK_INSTANCES_PRIMARY_RESTART_URL")))
            .timeout(Duration.ofSeconds(2)).GET().build();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        try {
            HTTP.send(RESTART, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        output.write(ANSWER);
    }
}
