package com.campaignops.ka05406.observability;

import com.campaignops.ka05406.config.RestartCheckConfig;
import com.campaignops.ka05406.observability.InvocationSummary.Reported;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one INFO line every invocation leaves, its fields also in the JSON log's MDC so CloudWatch Logs
 * Insights can filter on them, and the invocation's Embedded Metric Format line.
 */
@ApplicationScoped
public class InvocationLog {

    private static final Logger LOG = Logger.getLogger(InvocationLog.class);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final EmbeddedMetrics metrics;
    private final boolean metricsEnabled;
    private final Clock clock;

    InvocationLog(RestartCheckConfig config, ObjectMapper mapper, Clock clock) {
        this.metrics = new EmbeddedMetrics(mapper, config.metrics().namespace(), config.metrics().service());
        this.metricsEnabled = config.metrics().enabled();
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
        if (metricsEnabled) {
            // One println: PrintStream locks per call, so concurrent invocations never share a line.
            System.out.println(metrics.line(summary, clock.instant()));
        }
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
