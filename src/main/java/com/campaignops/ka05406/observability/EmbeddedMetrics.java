package com.campaignops.ka05406.observability;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes an invocation's metrics as one CloudWatch Embedded Metric Format line: a JSON object whose
 * {@code _aws} member tells CloudWatch Logs which top-level members to turn into metrics. Lambda ships
 * stdout to CloudWatch Logs, which extracts them; no API call, no agent.
 */
public final class EmbeddedMetrics {

    static final String DIMENSION = "Service";
    /** Each verdict's and audit status's metric name, derived once rather than per invocation. */
    private static final Map<String, String> METRIC_NAMES = Stream.concat(
            Arrays.stream(Verdict.values()).map(Enum::name), Arrays.stream(AuditStatus.values()).map(Enum::name))
            .collect(Collectors.toUnmodifiableMap(name -> name, EmbeddedMetrics::metricName));

    private final ObjectMapper mapper;
    private final String namespace;
    private final String service;

    public EmbeddedMetrics(ObjectMapper mapper, String namespace, String service) {
        this.mapper = mapper;
        this.namespace = namespace;
        this.service = service;
    }

    public String line(InvocationSummary summary, Instant at) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode directive = mapper.createObjectNode().put("Namespace", namespace);
        directive.putArray("Dimensions").addArray().add(DIMENSION);
        ArrayNode metrics = directive.putArray("Metrics");
        root.putObject("_aws").put("Timestamp", at.toEpochMilli()).putArray("CloudWatchMetrics").add(directive);
        root.put(DIMENSION, service);
        // Each metric is named in the directive, in the order of the members that hold its value.
        put(root, metrics, "Invocations", "Count", 1.0);
        for (Verdict verdict : Verdict.values()) {
            put(root, metrics, METRIC_NAMES.get(verdict.name()), "Count",
                    summary.count(InvocationSummary.Reported.Kind.VERDICT, verdict.name()));
        }
        for (AuditStatus status : AuditStatus.values()) {
            long n = summary.count(InvocationSummary.Reported.Kind.AUDIT_STATUS, status.name());
            if (n > 0 || summary.eventShape() == EventShape.SCHEDULED) {
                put(root, metrics, METRIC_NAMES.get(status.name()), "Count", n);
            }
        }
        // Bad input, a refused webhook, an internal failure.
        put(root, metrics, "Errors", "Count", summary.errors());
        put(root, metrics, "UpstreamCalls", "Count", summary.upstream().calls());
        put(root, metrics, "Fallbacks", "Count", summary.upstream().fallbacks());
        put(root, metrics, "AlertsSent", "Count", summary.alertsSent());
        put(root, metrics, "AlertsFailed", "Count", summary.alertsFailed());
        if (summary.upstream().calls() > 0) {
            put(root, metrics, "UpstreamLatency", "Milliseconds", millis(summary.upstream().time()));
        }
        put(root, metrics, "Duration", "Milliseconds", millis(summary.duration()));
        // Properties: searchable in Logs Insights, not metrics (a request id would explode cardinality).
        root.put("requestId", summary.requestId()).put("eventShape", summary.eventShape().label());
        return root.toString();
    }

    private static void put(ObjectNode root, ArrayNode metrics, String name, String unit, double value) {
        metrics.addObject().put("Name", name).put("Unit", unit);
        root.put(name, value);
    }

    /** MATCH → Match, NO_MATCH → NoMatch, AT_RISK → AtRisk. */
    static String metricName(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 10_000.0) / 100.0;
    }
}
