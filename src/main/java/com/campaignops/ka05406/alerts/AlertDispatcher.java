package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.alerts.slack.SlackChannel;
import com.campaignops.ka05406.alerts.teams.TeamsChannel;
import com.campaignops.ka05406.alerts.webhook.WebhookChannel;
import com.campaignops.ka05406.config.InstanceDirectory;
import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.outbound.Budget;
import com.campaignops.ka05406.outbound.Workers;
import com.campaignops.ka05406.secrets.SecretStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends an answer's findings to every configured channel, side by side, within the invocation's time budget, and
 * records each outcome. CDI creates it when {@link Alerts} first calls it, which only happens with a channel
 * configured.
 */
@ApplicationScoped
class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    private final ObjectMapper mapper;
    private final Clock clock;
    /** One composer per channel, in that channel's language (channels sharing a language share one). */
    private final Map<ChannelName, AlertComposer> composers;
    private final ChannelTargets targets;
    private final ChannelSender sender;
    private final List<AlertChannel> channels = new ArrayList<>();
    private final Workers workers;

    AlertDispatcher(AlertsConfig config, SecretStore secrets, ObjectMapper mapper, Clock clock,
                    InstanceDirectory directory, Workers workers) {
        this.workers = workers;
        this.mapper = mapper;
        this.clock = clock;
        this.targets = new ChannelTargets(config, secrets);
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
        this.composers = composers(config, channels.stream().map(AlertChannel::name).toList(), directory.language());
    }

    boolean hasChannels() {
        return !channels.isEmpty();
    }

    /**
     * @param findings at least one
     * @param answer   the answer they came from, serialised once: sent as the webhook's {@code report}, then given
     *                 {@code alerts}
     * @param budget   what is left of the invocation: a channel still sending when it ends is recorded as where it
     *                 stood, "not sent: out of time", or "unconfirmed" when its post was out
     */
    Alerted deliver(List<Finding> findings, ObjectNode answer, Budget budget) {
        List<AtomicReference<Delivery>> progress = new ArrayList<>();
        List<Future<Delivery>> sends = new ArrayList<>();
        for (AlertChannel channel : channels) {
            AtomicReference<Delivery> where = new AtomicReference<>(new Delivery(channel.name(), Delivery.Delivered.NO,
                    "not sent: out of time (the invocation's " + budget + " budget ended)"));
            progress.add(where);
            sends.add(workers.submit(() -> deliverTo(channel, findings, answer, budget, where)));
        }
        List<Delivery> deliveries = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            AtomicReference<Delivery> where = progress.get(i);
            deliveries.add(budget.await(sends.get(i), where::get));
        }
        // Logged here, on the invocation's thread, so each WARN carries its request id.
        deliveries.stream().filter(delivery -> !delivery.sent()).forEach(delivery -> LOG.warnf(
                "Alert to %s not delivered (%d finding(s)): %s", delivery.channel(), findings.size(), delivery.status()));
        answer.set("alerts", mapper.valueToTree(deliveries));
        return new Alerted(answer, deliveries);
    }

    private Delivery deliverTo(AlertChannel channel, List<Finding> findings, ObjectNode answer, Budget budget,
                               AtomicReference<Delivery> progress) {
        try {
            ChannelTargets.Target target = targets.resolve(channel.name());
            byte[] body = channel.body(composers.get(channel.name()), findings, answer);
            return sender.send(channel.name(), target.url(), body,
                    channel.headers(body, target.signingSecret(), clock.instant()), budget, progress);
        } catch (ChannelTargets.Unavailable e) {
            return new Delivery(channel.name(), Delivery.Delivered.NO, "not sent: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Delivery(channel.name(), Delivery.Delivered.NO, "not sent: unexpected " + e.getClass().getSimpleName());
        }
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
}
