package com.campaignops.ka05406.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import com.campaignops.ka05406.time.DateOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every runtime setting of the function, under {@code restart-check.}. Each one is also an environment
 * variable: upper case, dots and dashes as underscores (README, Configuration).
 */
@ConfigMapping(prefix = "restart-check")
public interface RestartCheckConfig {

    /** Globs naming the Message Center synchronization workflows. */
    @WithDefault("mcSynch_*")
    List<String> workflowPatterns();

    /**
     * The control zone: the control instance's workflow time zone, for the recommended scheduler time and the
     * audit, unless an instance sets its own. Unset: Campaign's operator zone in a sweep, else the zone the
     * notification's times were written in, else the execution server's; the evidence then says which.
     */
    Optional<@WithConverter(ZoneIdConverter.class) ZoneId> controlTimeZone();

    /**
     * The input zone: how a time written without a UTC offset is read when the notification gives no
     * {@code timeZone}, e.g. the zone your Campaign console shows. Unset: such a time cannot be placed, and a
     * verdict that depends on it is INCONCLUSIVE, naming what to add.
     */
    Optional<@WithConverter(ZoneIdConverter.class) ZoneId> inputTimeZone();

    /**
     * How numeric dates such as 03/04/2025 are read when a notification's {@code dateOrder} does not say:
     * {@code DMY}, {@code MDY} or {@code YMD}. Unset: a date of the same input that reads one way only settles
     * it, else both readings are weighed.
     */
    Optional<DateOrder> dateOrder();

    /**
     * The language of the sentences (BCP 47: {@code fr}, {@code de-CH}, {@code en-US}) when neither the notification's
     * {@code language} nor a webhook's {@code Accept-Language} says. Unset: English.
     */
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

    /**
     * The Lambda function's timeout, as {@code template.yaml} sets it: the sweep's {@code deadline} must end
     * before it (checked at start-up; Lambda does not tell a function its timeout before an invocation).
     */
    @WithDefault("PT30S")
    Duration functionTimeout();

    /** The sweep of the control instance over its SOAP API (README, Sweep). Off while {@code url} is unset. */
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

        /**
         * The server zone: the execution servers' OS zone, where {@code processRestartTime} is read, unless an
         * instance sets its own. Unset: the offset the restart source writes, the notification's
         * {@code serverTimeZone}, or the sweep's inference; with none, a verdict stands only if it holds at every UTC
         * offset in use.
         */
        Optional<@WithConverter(ZoneIdConverter.class) ZoneId> serverTimeZone();
    }

    interface Http {
        @WithDefault("PT1S")
        Duration connectTimeout();

        /** Longest silence while waiting for the answer; it restarts with every chunk of the body. */
        @WithDefault("PT2S")
        Duration readTimeout();

        /**
         * Deadline of one attempt, body included. The read timeout alone lets a server that sends a byte
         * now and then hold the invocation for as long as it likes; this one does not. Connect plus read
         * timeout, so an answer the two timeouts allow is not cut.
         */
        @WithDefault("PT3S")
        Duration attemptTimeout();

        /**
         * Largest body read, in bytes. A restart time fits in a few hundred; a bigger answer is not a
         * restart source (a log dump, a wrong URL) and is not held in memory. Not retried.
         */
        @WithDefault("262144")
        int maxResponseBytes();

        /**
         * Retries after a timeout, a refused connection, a 5xx or a 429; never after a 3xx, another 4xx, an
         * oversized or an unreadable body.
         */
        @WithDefault("1")
        int maxRetries();

        @WithDefault("PT0.2S")
        Duration retryDelay();

        /**
         * The pause before a retry varies by up to this much either way, so invocations failing together
         * do not all retry at the same instant. Kept below {@code retry-delay}, so there is always a pause.
         */
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

    /**
     * The HTTP path (HTTP API, Function URL). Callers sign each request with HMAC-SHA256; direct
     * invocations and EventBridge are authorised by IAM instead. Secrets are never logged.
     */
    interface Webhook {
        /** The signing secret, for local use; in AWS prefer {@code secret-parameter} or {@code secret-id}. */
        Optional<String> secret();

        /** A second accepted secret, so a secret can be rotated without downtime. */
        Optional<String> previousSecret();

        /** SSM Parameter Store SecureString holding the secret (one, or current and previous on two lines). */
        Optional<String> secretParameter();

        /** Secrets Manager secret holding the secret (plain, two lines, or JSON {"current", "previous"}). */
        Optional<String> secretId();

        /** The AWS Parameters and Secrets Lambda Extension, which reads the parameter or secret for us. */
        @WithDefault("http://localhost:${PARAMETERS_SECRETS_EXTENSION_HTTP_PORT:2773}")
        URI secretsExtensionUrl();

        /** How long a secret read through the extension is reused before it is read again. */
        @WithDefault("PT5M")
        Duration secretCacheTtl();

        /** How far a request's timestamp may be from now: older requests are replays, refused. */
        @WithDefault("PT300S")
        Duration signatureTolerance();

        /** Development only: accept unsigned webhook calls when no secret is configured. */
        @WithDefault("false")
        boolean allowUnsigned();

        /** Larger webhook bodies are refused with 413 before they are verified or parsed. */
        @WithDefault("1048576")
        int maxBodyBytes();
    }

    /** CloudWatch Embedded Metric Format, one line per invocation on stdout. */
    interface Metrics {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("CampaignOps/RestartCheck")
        String namespace();

        /** The value of the metrics' one dimension, Service: tells several deployments apart. */
        @WithDefault("mcsynch-restart-check")
        String service();
    }

    /**
     * Kept back from the invocation's time budget for writing the answer and its log lines after the last wait
     * ended: the budget is the smaller of the time Lambda leaves the invocation and the sweep's {@code deadline},
     * less this (README, Resilience). After its last wait an invocation only assembles and writes the answer and
     * its two log lines: milliseconds warm (50 ms for a whole healthy sweep in SweepInvocationTest's log), the
     * rest of a second left for a first invocation's class loading on a loaded machine.
     */
    @WithDefault("PT1S")
    Duration timeMargin();

    /**
     * The control (marketing) instance, read over {@code /nl/jsp/soaprouter.jsp}, read-only. Its timeouts are
     * its own ({@code read-timeout}, {@code attempt-timeout}); retries and breaker are the {@code http} group's.
     * Credentials are secrets: never logged.
     */
    interface Campaign {
        /** The control instance's base URL, e.g. https://acme-mkt-prod1.campaign.adobe.com. Unset: no sweep. */
        Optional<URI> url();

        /** The operator that logs on (a dedicated one with read rights on xtk:workflow and xtk:workflowLog). */
        Optional<String> login();

        /** The operator's password, for local use only; in AWS use {@code password-parameter} or {@code password-secret-id}. */
        Optional<String> password();

        /** SSM Parameter Store SecureString holding the password, read through the Parameters and Secrets extension. */
        Optional<String> passwordParameter();

        /** Secrets Manager secret holding the password (plain string), read through the same extension. */
        Optional<String> passwordSecretId();

        /** How long a password read through the extension is reused before it is read again. */
        @WithDefault("PT5M")
        Duration secretCacheTtl();

        /**
         * Trusted-IP mode: the session token of an operator whose trusted IP mask covers this function
         * (zone {@code sessionTokenOnly}), e.g. {@code monitoring}. Set: no Logon, no Logoff, no password.
         */
        Optional<String> sessionToken();

        /** Journal read for new failures: the sweep's period plus a margin, so each failure is seen once. */
        @WithDefault("PT25H")
        Duration lookback();

        /** Days of journal read for recurrence and cadence. */
        @WithDefault("7")
        int historyDays();

        /** Days, of history-days, on which a failure at the restart turns an INCONCLUSIVE into a MATCH. */
        @WithDefault("3")
        int recurrenceMinDays();

        /** Journal lines asked per ExecuteQuery page ({@code lineCount}). */
        @WithDefault("500")
        int pageSize();

        /** Most journal lines read per workflow; the newest are kept and the report says the journal was cut. */
        @WithDefault("5000")
        int maxLines();

        /** Most mcSynch workflows read per sweep. */
        @WithDefault("50")
        int maxWorkflows();

        /** Journals read side by side; one Logon for all. */
        @WithDefault("4")
        int parallelism();

        /** Largest SOAP answer read, in bytes; a bigger one is refused, never held in memory. */
        @WithDefault("4194304")
        int maxResponseBytes();

        /** Lines further apart than this belong to different runs. */
        @WithDefault("PT10M")
        Duration runGap();

        /**
         * The whole sweep's time budget, its Logon, reads, Logoff and alert sends together (Lambda's remaining time
         * shortens it): journals not read in time are UNKNOWN, an alert that cannot be sent says "not sent: out of
         * time". Keep it plus {@code time-margin} within the function's Timeout (template.yaml; a test checks).
         */
        @WithDefault("PT25S")
        Duration deadline();

        /**
         * Longest silence while waiting for Campaign's answer. Not the restart sources' 2 s: an ExecuteQuery on a
         * week of {@code xtk:workflowLog} on a busy production database takes seconds, and Adobe's own client
         * (acc-js-sdk) waits 5 s by default. A slower answer is retried once, as a read.
         */
        @WithDefault("PT5S")
        Duration readTimeout();

        /** Deadline of one Campaign call, body included: connect plus read timeout, so an allowed answer is not cut. */
        @WithDefault("PT6S")
        Duration attemptTimeout();

        /**
         * How often the sweep runs on its own schedule (template.yaml, SweepEveryMinutes): each run alerts the
         * failures of the one period that ends at its scheduled time, so each failure is alerted once whatever the
         * period. Unset: the sweep runs with the daily audit and owns the day before it.
         */
        Optional<Duration> sweepPeriod();

        /** Audit with each instance's configured workflow-schedule even when the journal shows the real cadence. */
        @WithDefault("false")
        boolean preferConfiguredSchedule();
    }

    interface Instance {
        /** The external account's internal name, as in {@code mcSynch_<name>}; defaults to the map key. */
        Optional<String> name();

        /** Where the instance's restart time is read; unset: the scheduled restart is used. */
        Optional<URI> restartUrl();

        @WithDefault("json")
        RestartFormat restartFormat();

        /** JSON pointer to the restart: an instant, epoch seconds/millis, or a list of them. */
        @WithDefault("/lastRestart")
        String jsonPointer();

        Monitor monitor();

        /** Header sent with the request, e.g. Authorization, or Cookie for a Campaign session token. */
        @WithDefault("Authorization")
        String authHeaderName();

        /** The header's value; a secret: never logged. */
        Optional<String> authHeaderValue();

        Optional<LocalTime> processRestartTime();

        Optional<@WithConverter(ZoneIdConverter.class) ZoneId> serverTimeZone();

        /**
         * The zone this instance's {@code mcSynch_<name>} scheduler runs in (a workflow's own time-zone property,
         * or another control instance), for the recommended start and the audit; unset: the global
         * {@code control-time-zone}.
         */
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
}
