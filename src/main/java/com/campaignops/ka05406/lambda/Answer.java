package com.campaignops.ka05406.lambda;

import com.campaignops.ka05406.alerts.Alerted;
import com.campaignops.ka05406.audit.AuditReport;
import com.campaignops.ka05406.audit.InstanceAudit;
import com.campaignops.ka05406.diagnosis.Diagnosis;
import com.campaignops.ka05406.observability.InvocationSummary;
import com.campaignops.ka05406.service.Upstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one invocation answers: the response in the caller's shape, and the answers inside it (verdicts,
 * audit reports, errors) from which its log line and metrics are drawn.
 */
record Answer(String shape, Object response, List<Object> results, Upstream upstream) {

    static Answer of(String shape, Object result, Upstream upstream) {
        return new Answer(shape, result, List.of(result), upstream);
    }

    /** The same answers, sent as an HTTP response. */
    Answer asHttp(HttpReply reply) {
        return new Answer(shape, reply, results, upstream);
    }

    InvocationSummary summary(String requestId, Duration duration) {
        List<String> outcomes = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int alertsSent = 0;
        int alertsFailed = 0;
        for (Object answered : results) {
            if (answered instanceof Alerted alerted) {
                alertsSent += alerted.sent();
                alertsFailed += alerted.failed();
            }
            Object result = Alerted.unwrap(answered);
            if (result instanceof Diagnosis diagnosis) {
                outcomes.add(diagnosis.verdict().name());
                instances.add(Objects.requireNonNullElse(diagnosis.instance(), "-"));
                sources.add(diagnosis.restartSource() == null ? "-" : diagnosis.restartSource().name());
            } else if (result instanceof AuditReport report) {
                for (InstanceAudit audit : report.instances()) {
                    outcomes.add(audit.status().name());
                    instances.add(audit.instance());
                    sources.add(audit.restartSource() == null ? "-" : audit.restartSource().name());
                }
            } else if (result instanceof ErrorBody error) {
                outcomes.add(error.error().code());
            }
        }
        return new InvocationSummary(requestId, shape, outcomes, instances, sources, upstream, duration)
                .withAlerts(alertsSent, alertsFailed);
    }
}
