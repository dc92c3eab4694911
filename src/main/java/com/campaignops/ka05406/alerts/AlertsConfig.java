package com.campaignops.ka05406.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Alert channels (README, Alerts). Each channel is optional and configured on its own; its URL is a secret
 * (a Slack webhook URL lets anyone post): in AWS read it from SSM ({@code url-parameter}) or Secrets Manager
 * ({@code url-secret-id}) through the Parameters and Secrets extension; {@code url} is for local use. Never logged.
 */
@ConfigMapping(prefix = "restart-check.alerts")
public interface AlertsConfig {

    /** Also send on-demand verdicts (webhook, direct, SNS…), and then only a MATCH. Scheduled findings always go. */
    @WithDefault("false")
    boolean onDemandMatch();

    /**
     * Groups shown in full in one Slack or Teams message (a group: one finding, or identical at-risk findings listed
     * with their one fix); the others are named ("…and 12 more: …").
     */
    @WithDefault("10")
    int maxFindings();

    @WithDefault("PT1S")
    Duration connectTimeout();

    /** Deadline of one attempt, answer included; also the read timeout. */
    @WithDefault("PT2S")
    Duration attemptTimeout();

    /** Pause before the one retry after a 5xx, a 429 without Retry-After or a connection that sent nothing. */
    @WithDefault("PT0.2S")
    Duration retryDelay();

    /** A 429's Retry-After is waited for, once, when it is no longer than this; otherwise the send fails. */
    @WithDefault("PT2S")
    Duration maxRetryAfter();

    /** How long a URL read through the extension is reused. */
    @WithDefault("PT5M")
    Duration secretCacheTtl();

    /**
     * The language of every alert (BCP 47: {@code fr}, {@code de-CH}, {@code en-US}) unless a channel sets its own.
     * Unset: {@code restart-check.language}, else English.
     */
    Optional<String> language();

    Channel slack();

    Channel teams();

    SignedChannel webhook();

    interface Channel {
        /** The webhook URL itself: local use only. */
        Optional<String> url();

        /** SSM Parameter Store SecureString holding the URL. */
        Optional<String> urlParameter();

        /** Secrets Manager secret holding the URL. */
        Optional<String> urlSecretId();

        /** This channel's language (BCP 47). Unset: {@code restart-check.alerts.language}. */
        Optional<String> language();
    }

    /**
     * The generic webhook: a URL and the HMAC secret its requests are signed with. Stored, its value holds both: the
     * URL on the first line and the signing secret on the second, or (Secrets Manager) JSON
     * {"url": "…", "signingSecret": "…"}.
     */
    interface SignedChannel extends Channel {
        /** Local use only. */
        Optional<String> signingSecret();
    }
}
