package com.campaignops.ka05406.config;

import com.campaignops.ka05406.time.DateOrder;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import org.eclipse.microprofile.config.spi.Converter;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every runtime setting of the function, under {@code restart-check.}, each also an environment variable (upper case,
 * dots and dashes as underscores), each documented in docs/configuration.md; {@link SettingsValidator} checks them.
 */
@ConfigMapping(prefix = "restart-check")
public interface RestartCheckConfig {

    /** Globs naming the Message Center synchronization workflows. */
    @WithDefault("mcSynch_*")
    List<String> workflowPatterns();

    /** The control zone, unless an instance sets its own; unset: the observed zone, else the server's. */
    Optional<@WithConverter(ZoneIdConverter.class) ZoneId> controlTimeZone();

    /** How a time without a UTC offset is read when the notification gives no {@code timeZone}; unset: not placed. */
    Optional<@WithConverter(ZoneIdConverter.class) ZoneId> inputTimeZone();

    /** How numeric dates such as 03/04/2025 are read when a notification does not say; unset: the input settles it. */
    Optional<DateOrder> dateOrder();

    /** The sentences' language (BCP 47) when neither the notification nor Accept-Language says; unset: English. */
    Optional<String> language();

    /** Longest {@code logs} list a notification may carry; a longer one is refused (413), never cut. */
    @WithDefault("10000")
    int maxLogLines();

    Rule rule();

    /** The restart every execution server performs unless an instance says otherwise. */
    ScheduledRestart scheduledRestart();

    Http http();

    Webhook webhook();

    Metrics metrics();

    /** The Lambda function's timeout, as template.yaml sets it: Lambda does not tell a function at init. */
    @WithDefault("PT30S")
    Duration functionTimeout();

    /** The sweep of the control instance over its SOAP API; off while {@code url} is unset. */
    Campaign campaign();

    /** Execution instances by a key of your choice; the key is the instance name unless {@code name} is set. */
    Map<String, Instance> instances();

    interface Rule {
        @WithDefault("PT5M")
        Duration windowBefore();

        @WithDefault("PT10M")
        Duration windowAfter();

        @WithDefault("PT3M")
        Duration quickRecovery();

        @WithDefault("5")
        int shortOffsetMinutes();

        @WithDefault("10")
        int longOffsetMinutes();
    }

    interface ScheduledRestart {
        /** Campaign's {@code processRestartTime}, server (OS) local time. */
        @WithDefault("06:00:00")
        LocalTime processRestartTime();

        /** The execution servers' OS zone, unless an instance sets its own; unset: inferred (ServerZoneOrderTest). */
        Optional<@WithConverter(ZoneIdConverter.class) ZoneId> serverTimeZone();
    }

    interface Http {
        @WithDefault("PT1S")
        Duration connectTimeout();

        /** Longest silence while waiting for the answer; it restarts with every chunk of the body. */
        @WithDefault("PT2S")
        Duration readTimeout();

        /** Deadline of one attempt, body included: a byte now and then stretches the read timeout, not this. */
        @WithDefault("PT3S")
        Duration attemptTimeout();

        /** Largest body read: a restart time fits in a few hundred bytes; a bigger answer is not held in memory. */
        @WithDefault("262144")
        int maxResponseBytes();

        /** Retries after a timeout, a refused connection, a 5xx or a 429 only. */
        @WithDefault("1")
        int maxRetries();

        @WithDefault("PT0.2S")
        Duration retryDelay();

        /** A retry's pause varies by up to this either way, so invocations failing together do not retry in step. */
        @WithDefault("PT0.1S")
        Duration retryJitter();

        /** Consecutive calls the breaker looks at before it may open. */
        @WithDefault("4")
        int breakerRequestVolume();

        @WithDefault("0.75")
        double breakerFailureRatio();

        /** How long an open breaker skips the source and answers from the schedule. */
        @WithDefault("PT60S")
        Duration breakerDelay();
    }

    /** The HTTP path, its requests signed with HMAC-SHA256 (direct invocations are authorised by IAM). */
    interface Webhook {
        /** The signing secret, for local use; in AWS {@code secret-parameter} or {@code secret-id}. */
        Optional<String> secret();

        Optional<String> previousSecret();

        Optional<String> secretParameter();

        Optional<String> secretId();

        /** The AWS Parameters and Secrets Lambda Extension, which reads parameters and secrets for us. */
        @WithDefault("http://localhost:${PARAMETERS_SECRETS_EXTENSION_HTTP_PORT:2773}")
        URI secretsExtensionUrl();

        @WithDefault("PT5M")
        Duration secretCacheTtl();

        @WithDefault("PT300S")
        Duration signatureTolerance();

        /** Development only: accept unsigned webhook calls when no secret is configured. */
        @WithDefault("false")
        boolean allowUnsigned();

        @WithDefault("1048576")
        int maxBodyBytes();
    }

    /** CloudWatch Embedded Metric Format, one line per invocation on stdout. */
    interface Metrics {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("CampaignOps/RestartCheck")
        String namespace();

        @WithDefault("mcsynch-restart-check")
        String service();
    }

    /** Kept back from the time budget to write the answer after the last wait (a first call's class loading too). */
    @WithDefault("PT1S")
    Duration timeMargin();

    /** The control instance, read-only over its SOAP router: its own timeouts, the {@code http} group's retries. */
    interface Campaign {
        /** The control instance's base URL; unset: no sweep. */
        Optional<URI> url();

        Optional<String> login();

        /** For local use only; in AWS {@code password-parameter} (SSM) or {@code password-secret-id}. */
        Optional<String> password();

        Optional<String> passwordParameter();

        Optional<String> passwordSecretId();

        @WithDefault("PT5M")
        Duration secretCacheTtl();

        /** Trusted-IP mode: an operator's session token; set, no Logon, no Logoff, no password. */
        Optional<String> sessionToken();

        /** Journal read for new failures: the sweep's period plus a margin, so each failure is seen once. */
        @WithDefault("PT25H")
        Duration lookback();

        @WithDefault("7")
        int historyDays();

        /** Days, of history-days, on which a failure at the restart turns an INCONCLUSIVE into a MATCH. */
        @WithDefault("3")
        int recurrenceMinDays();

        /** Journal lines asked per ExecuteQuery page ({@code lineCount}). */
        @WithDefault("500")
        int pageSize();

        @WithDefault("5000")
        int maxLines();

        @WithDefault("50")
        int maxWorkflows();

        @WithDefault("4")
        int parallelism();

        @WithDefault("4194304")
        int maxResponseBytes();

        /** Lines further apart than this belong to different runs. */
        @WithDefault("PT10M")
        Duration runGap();

        /** The whole sweep's time budget; it plus {@code time-margin} fits the function's timeout (checked). */
        @WithDefault("PT25S")
        Duration deadline();

        /** Not the restart sources' 2 s: an ExecuteQuery on a week of journal takes seconds (acc-js-sdk waits 5 s). */
        @WithDefault("PT5S")
        Duration readTimeout();

        @WithDefault("PT6S")
        Duration attemptTimeout();

        /** How often the sweep runs on its own schedule; unset: with the daily audit, owning the day before it. */
        Optional<Duration> sweepPeriod();

        @WithDefault("false")
        boolean preferConfiguredSchedule();
    }

    interface Instance {
        /** The external account's internal name, as in {@code mcSynch_<name>}; defaults to the map key. */
        Optional<String> name();

        /** Where the instance's restart time is read; unset: the scheduled restart. */
        Optional<URI> restartUrl();

        @WithDefault("json")
        RestartFormat restartFormat();

        /** JSON pointer to the restart: an instant, epoch seconds/millis, or a list of them. */
        @WithDefault("/lastRestart")
        String jsonPointer();

        Monitor monitor();

        @WithDefault("Authorization")
        String authHeaderName();

        /** A secret: never logged. */
        Optional<String> authHeaderValue();

        Optional<LocalTime> processRestartTime();

        Optional<@WithConverter(ZoneIdConverter.class) ZoneId> serverTimeZone();

        /** The zone this instance's {@code mcSynch_<name>} scheduler runs in; unset: the global one. */
        Optional<@WithConverter(ZoneIdConverter.class) ZoneId> controlTimeZone();

        WorkflowScheduleConfig workflowSchedule();
    }

    /** Where monitor.jsp keeps a process's start date. Its XML is not documented publicly, hence settings. */
    interface Monitor {
        @WithDefault("process")
        String processElement();

        @WithDefault("name")
        String nameAttribute();

        @WithDefault("web@")
        String namePrefix();

        @WithDefault("startDate")
        String startAttribute();
    }

    interface WorkflowScheduleConfig {
        @WithDefault("PT1H")
        Duration every();

        @WithDefault("00:00")
        LocalTime firstRun();
    }

    enum RestartFormat { JSON, MONITOR_XML }

    /** IANA zone names; blank means "not set", which {@code ZoneId.of} alone would reject. */
    class ZoneIdConverter implements Converter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            return value == null || value.isBlank() ? null : ZoneId.of(value.strip());
        }
    }
}
