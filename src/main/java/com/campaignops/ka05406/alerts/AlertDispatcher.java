package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.alerts.slack.SlackChannel;
import com.campaignops.ka05406.alerts.teams.TeamsChannel;
import com.campaignops.ka05406.alerts.webhook.WebhookChannel;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.webhook.ParametersAndSecrets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends findings to every configured channel, side by side, and records each outcome. Built by {@link Alerts} on the
 * first answer that needs it, and only when a channel is configured.
 */
final class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    private final ObjectMapper mapper;
    private final Clock clock;
    /** One composer per channel, in that channel's language (channels sharing a language share one). */
    private final Map<ChannelName, AlertComposer> composers;
    private final ChannelTargets targets;
    private final ChannelSender sender;
    private final List<AlertChannel> channels = new ArrayList<>();
    private final ExecutorService pool;

    /** @param generalLanguage {@code restart-check.language}, or {@code null} */
    AlertDispatcher(AlertsConfig config, ParametersAndSecrets extension, ObjectMapper mapper, Clock clock,
                    String generalLanguage) {
        this.mapper = mapper;
        this.clock = clock;
        this.targets = new ChannelTargets(config, extension, mapper, clock);
        this.sender = new ChannelSender(config, clock);
        for (ChannelName name : ChannelName.values()) {
            if (targets.configured(name)) {
                channels.add(switch (name) {
                    case SLACK -> new SlackChannel(mapper, config.maxFindings());
                    case TEAMS -> new TeamsChannel(mapper, config.maxFindings());
                    case WEBHOOK -> new WebhookChannel(mapper);
                });
            }
        }
        this.composers = composers(config, channels.stream().map(AlertChannel::name).toList(), generalLanguage);
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, channels.size()), task -> {
            Thread thread = new Thread(task, "alert-send-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param findings at least one
     * @param answer   the answer they came from, serialised once: sent as the webhook's {@code report}, then given
     *                 {@code alerts}
     */
    Alerted deliver(List<Finding> findings, ObjectNode answer) {
        List<CompletableFuture<Delivery>> sends = channels.stream()
                .map(channel -> CompletableFuture.supplyAsync(() -> deliverTo(channel, findings, answer), pool))
                .toList();
        List<Delivery> deliveries = sends.stream().map(CompletableFuture::join).toList();
        // Logged here, on the invocation's thread, so each WARN carries its request id.
        deliveries.stream().filter(delivery -> !delivery.delivered()).forEach(delivery -> LOG.warnf(
                "Alert to %s not delivered (%d finding(s)): %s", delivery.channel(), findings.size(), delivery.status()));
        answer.set("alerts", mapper.valueToTree(deliveries));
        return new Alerted(answer, deliveries);
    }

    boolean hasChannels() {
        return !channels.isEmpty();
    }

    private Delivery deliverTo(AlertChannel channel, List<Finding> findings, ObjectNode answer) {
        Delivery delivery;
        try {
            ChannelTargets.Target target = targets.resolve(channel.name());
            byte[] body = channel.body(composers.get(channel.name()), findings, answer);
            delivery = sender.send(channel.name(), target.url(), body,
                    channel.headers(body, target.signingSecret(), clock.instant()));
        } catch (ChannelTargets.Unavailable e) {
            delivery = new Delivery(channel.name(), false, "not sent: " + e.getMessage());
        } catch (RuntimeException e) {
            delivery = new Delivery(channel.name(), false, "not sent: unexpected " + e.getClass().getSimpleName());
        }
        return delivery;
    }

    /**
     * A composer per channel, in the language {@link AlertLanguages} gives it; channels that share a language share
     * one. Only the languages in use are loaded.
     */
    static Map<ChannelName, AlertComposer> composers(AlertsConfig config, List<ChannelName> channels,
                                                     String generalLanguage) {
        Map<Language, AlertComposer> byLanguage = new EnumMap<>(Language.class);
        Map<ChannelName, AlertComposer> composers = new EnumMap<>(ChannelName.class);
        for (ChannelName channel : channels) {
            Language language = AlertLanguages.of(config, channel, generalLanguage);
            composers.put(channel, byLanguage.computeIfAbsent(language, l -> new AlertComposer(AlertText.of(l))));
        }
        return composers;
    }

    void stop() {
        pool.shutdownNow();
    }
}
