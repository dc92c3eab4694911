package com.campaignops.ka05406.observability;

import com.campaignops.ka05406.audit.AuditStatus;
import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.diagnosis.Verdict;
import com.campaignops.ka05406.observability.InvocationSummary.Reported;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one INFO line every invocation leaves, its fields also in the JSON log's MDC so CloudWatch Logs
 * Insights can filter on them, and the invocation's metrics as one CloudWatch Embedded Metric Format line: a JSON
 * object whose {@code _aws} member tells CloudWatch Logs which top-level members to turn into metrics. Lambda ships
 * stdout to CloudWatch Logs, which extracts them; no API call, no agent.
 */
@ApplicationScoped
public class InvocationLog {

    private static final Logger LOG = Logger.getLogger(InvocationLog.class);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final String DIMENSION = "Service";
    /** Each verdict's and audit status's metric name, derived once rather than per invocation. */
    private static final Map<String, String> METRIC_NAMES = Stream.concat(
            Arrays.stream(Verdict.values()).map(Enum::name), Arrays.stream(AuditStatus.values()).map(Enum::name))
            .collect(Collectors.toUnmodifiableMap(name -> name, InvocationLog::metricName));

    private final RestartCheckConfig.Metrics metrics;
    private final Clock clock;

    InvocationLog(RestartCheckConfig config, Clock clock) {
        this.metrics = config.metrics();
        this.clock = clock;
    }

    public void record(InvocationSummary summary) {
        // Every answer but an error is about an instance.
        List<Reported> aboutInstance = summary.answers().stream().filter(a -> a.kind() != Reported.Kind.ERROR).toList();
        Map<String, String> fields = Map.of(
                "eventShape", summary.eventShape().label(),
                "verdict", joined(summary.answers(), Reported::outcome),
                "instance", joined(aboutInstance, Reported::instance),
                "restartSource", joined(aboutInstance, Reported::source),
                "durationMs", millis(summary.duration().toNanos()),
                "upstreamMs", millis(summary.upstream().time().toNanos()),
                "fallbacks", Integer.toString(summary.upstream().fallbacks()));
        fields.forEach(MDC::put);
        try {
            // Concatenated, not infof: printf-style formatting (java.util.Formatter) on every invocation costs
            // more than the rest of this line.
            LOG.info("Invocation " + summary.requestId() + " (" + summary.eventShape().label() + "): " + fields.get("verdict")
                    + ", instance " + fields.get("instance") + ", restart source " + fields.get("restartSource") + ", "
                    + fields.get("durationMs") + " ms");
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
        if (metrics.enabled()) {
            // One println: PrintStream locks per call, so concurrent invocations never share a line.
            System.out.println(metricsLine(metrics.namespace(), metrics.service(), summary, clock.instant()));
        }
    }

    public static String metricsLine(String namespace, String service, InvocationSummary summary, Instant at) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode directive = JsonNodeFactory.instance.objectNode().put("Namespace", namespace);
        directive.putArray("Dimensions").addArray().add(DIMENSION);
        ArrayNode metrics = directive.putArray("Metrics");
        root.putObject("_aws").put("Timestamp", at.toEpochMilli()).putArray("CloudWatchMetrics").add(directive);
        root.put(DIMENSION, service);
        // Each metric is named in the directive, in the order of the members that hold its value.
        put(root, metrics, "Invocations", "Count", 1.0);
        for (Verdict verdict : Verdict.values()) {
            put(root, metrics, METRIC_NAMES.get(verdict.name()), "Count",
                    summary.count(Reported.Kind.VERDICT, verdict.name()));
        }
        for (AuditStatus status : AuditStatus.values()) {
            long n = summary.count(Reported.Kind.AUDIT_STATUS, status.name());
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
            put(root, metrics, "UpstreamLatency", "Milliseconds", metricMillis(summary.upstream().time()));
        }
        put(root, metrics, "Duration", "Milliseconds", metricMillis(summary.duration()));
        // Properties: searchable in Logs Insights, not metrics (a request id would explode cardinality).
        root.put("requestId", summary.requestId()).put("eventShape", summary.eventShape().label());
        return root.toString();
    }

    private static void put(ObjectNode root, ArrayNode metrics, String name, String unit, double value) {
        metrics.addObject().put("Name", name).put("Unit", unit);
        root.put(name, value);
    }

    /** MATCH → Match, NO_MATCH → NoMatch, AT_RISK → AtRisk. */
    private static String metricName(String constant) {
        StringBuilder name = new StringBuilder();
        for (String word : constant.split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static double metricMillis(Duration duration) {
        return Math.round(duration.toNanos() / 10_000.0) / 100.0;
    }

    /** Values may come from the payload (an instance name): no control characters reach the log. */
    private static String joined(List<Reported> answers, Function<Reported, String> field) {
        return answers.isEmpty() ? "-"
                : CONTROL.matcher(answers.stream().map(field).collect(Collectors.joining(","))).replaceAll("?");
    }

    /** Milliseconds with two decimals; written out, as String.format was a visible share of a warm invocation. */
    private static String millis(long nanos) {
        long hundredths = Math.round(Math.abs(nanos) / 10_000.0);
        return (nanos < 0 ? "-" : "") + hundredths / 100 + (hundredths % 100 < 10 ? ".0" : ".") + hundredths % 100;
    }
}
