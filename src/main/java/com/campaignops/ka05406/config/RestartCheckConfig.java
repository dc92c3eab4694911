package com.campaignops.ka05406.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
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
     * The control instance's workflow time zone, for the recommended scheduler time. Unset: the
     * notification's {@code timeZone}, else the execution server's zone.
     */
    Optional<@WithConverter(ZoneIdConverter.class) ZoneId> controlTimeZone();

    Rule rule();

    /** The restart every execution server performs unless an instance says otherwise. */
    ScheduledRestart scheduledRestart();

    Http http();

    Webhook webhook();

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

        /** Unset: the notification's {@code timeZone}, else UTC. */
        Optional<@WithConverter(ZoneIdConverter.class) ZoneId> serverTimeZone();
    }

    interface Http {
        @WithDefault("PT1S")
        Duration connectTimeout();

        @WithDefault("PT2S")
        Duration readTimeout();

        /** Retries after a timeout, a connection failure or a 5xx; never after a 4xx or a bad body. */
        @WithDefault("1")
        int maxRetries();

        @WithDefault("PT0.2S")
        Duration retryDelay();

        /** Consecutive calls the breaker looks at before it may open. */
        @WithDefault("4")
        int breakerRequestVolume();

        @WithDefault("0.75")
        double breakerFailureRatio();

        /** How long an open breaker skips the source and answers from the schedule. */
        @WithDefault("PT60S")
        Duration breakerDelay();
    }

    interface Webhook {
        /**
         * Shared secret webhook callers send as {@code Authorization: Bearer <token>}. Unset: the webhook
         * accepts any caller the HTTP API lets through. Never logged.
         */
        Optional<String> token();
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
