package com.campaignops.ka05406.config;

import com.campaignops.ka05406.config.RestartCheckConfig.Instance;
import com.campaignops.ka05406.diagnosis.DiagnosisRules;
import com.campaignops.ka05406.diagnosis.WorkflowPattern;
import com.campaignops.ka05406.diagnosis.WorkflowSchedule;
import com.campaignops.ka05406.notification.NotificationReader;
import com.campaignops.ka05406.restart.RestartSchedule;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configured execution instances, found by name regardless of case (environment variables
 * lower-case map keys), with each instance's settings merged over the global defaults.
 */
@ApplicationScoped
public class InstanceDirectory {

    /**
     * The embedded default, audited only while no instance is configured: one execution instance at Campaign's
     * defaults, so that the audit says something on a fresh checkout. A deployment naming its own never sees it.
     */
    static final String EMBEDDED_DEFAULT = "mcExec1";

    private final RestartCheckConfig config;

    public InstanceDirectory(RestartCheckConfig config) {
        this.config = config;
    }

    /** The configured instance names, in a stable order; the embedded default when none is configured. */
    public List<String> names() {
        return config.instances().isEmpty() ? List.of(EMBEDDED_DEFAULT)
                : config.instances().entrySet().stream().map(InstanceDirectory::nameOf).sorted().toList();
    }

    public boolean isEmbeddedDefault(String name) {
        return config.instances().isEmpty() && EMBEDDED_DEFAULT.equalsIgnoreCase(name);
    }

    public Optional<Instance> find(String name) {
        return config.instances().entrySet().stream().filter(e -> nameOf(e).equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The instance's scheduled restart, in its configured server zone, else the global one, else of unknown zone. */
    public RestartSchedule restartScheduleOf(String name) {
        RestartCheckConfig.ScheduledRestart defaults = config.scheduledRestart();
        Optional<Instance> instance = find(name);
        return RestartSchedule.of(instance.flatMap(Instance::processRestartTime).orElse(defaults.processRestartTime()),
                instance.flatMap(Instance::serverTimeZone).or(defaults::serverTimeZone).orElse(null));
    }

    public WorkflowSchedule workflowScheduleOf(String name) {
        return find(name).map(i -> new WorkflowSchedule(i.workflowSchedule().every(), i.workflowSchedule().firstRun()))
                .orElse(WorkflowSchedule.ADOBE_DEFAULT);
    }

    /**
     * The control zone, which the instance's {@code mcSynch_<name>} scheduler works in: the instance's own, else
     * the global one, else {@code observedZone} (Campaign's operator zone in a sweep, the zone a notification's
     * times were written in), else the execution server's. The recommendation names the zone it is given in.
     */
    public ZoneId controlZone(String name, ZoneId observedZone, RestartSchedule schedule) {
        return find(name).flatMap(Instance::controlTimeZone)
                .or(config::controlTimeZone)
                .orElse(observedZone != null ? observedZone : schedule.serverZone());
    }

    public DiagnosisRules rules() {
        RestartCheckConfig.Rule rule = config.rule();
        return new DiagnosisRules(rule.windowBefore(), rule.windowAfter(), rule.quickRecovery(),
                rule.shortOffsetMinutes(), rule.longOffsetMinutes());
    }

    /** restart-check.language, or {@code null}. */
    public String language() {
        return config.language().orElse(null);
    }

    public WorkflowPattern workflowPattern() {
        return new WorkflowPattern(config.workflowPatterns());
    }

    public NotificationReader reader(Clock clock) {
        return new NotificationReader(config.maxLogLines(), clock, config.dateOrder().orElse(null),
                config.inputTimeZone().orElse(null), workflowPattern().names());
    }

    private static String nameOf(Map.Entry<String, Instance> entry) {
        return entry.getValue().name().orElse(entry.getKey());
    }
}
