package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.config.InstanceDirectory;
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
import java.util.function.Supplier;

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
    private final Workers workers;
    private final ChannelSender sender;
    private final Map<ChannelName, AlertChannel> channels = new EnumMap<>(ChannelName.class);
    private final Map<ChannelName, AlertText> texts;

    AlertDispatcher(AlertsConfig config, SecretStore secrets, ObjectMapper mapper, Clock clock,
                    InstanceDirectory directory, Workers workers) {
        this.mapper = mapper;
        this.clock = clock;
        this.workers = workers;
        this.sender = new ChannelSender(config, secrets, clock);
        for (ChannelName name : ChannelName.values()) {
            if (Alerts.configured(name.settings(config))) {
                channels.put(name, switch (name) {
                    case SLACK -> new SlackChannel(mapper, config.maxFindings());
                    case TEAMS -> new TeamsChannel(mapper, config.maxFindings());
                    case WEBHOOK -> new WebhookChannel(mapper);
                });
            }
        }
        this.texts = texts(config, List.copyOf(channels.keySet()), directory.language());
    }

    /**
     * @param findings at least one
     * @param answer   the answer they came from, serialised once: sent as the webhook's {@code report}, then given
     *                 {@code alerts}
     * @param budget   what is left of the invocation: a channel still sending when it ends is recorded as where it
     *                 stood, "not sent: out of time", or "unconfirmed" when its post was out
     */
    Alerted deliver(List<Finding> findings, ObjectNode answer, Budget budget) {
        List<Supplier<Delivery>> outcomes = new ArrayList<>();
        channels.forEach((name, channel) -> {
            AtomicReference<Delivery> where = new AtomicReference<>(new Delivery(name, Delivery.Delivered.NO,
                    "not sent: out of time (the invocation's " + budget + " budget ended)"));
            Future<Delivery> send = workers.submit(() -> deliverTo(name, channel, findings, answer, budget, where));
            outcomes.add(() -> budget.await(send, where::get));
        });
        List<Delivery> deliveries = outcomes.stream().map(Supplier::get).toList();
        // Logged here, on the invocation's thread, so each WARN carries its request id.
        deliveries.stream().filter(delivery -> !delivery.sent()).forEach(delivery -> LOG.warnf(
                "Alert to %s not delivered (%d finding(s)): %s", delivery.channel(), findings.size(), delivery.status()));
        answer.set("alerts", mapper.valueToTree(deliveries));
        return new Alerted(answer, deliveries);
    }

    private Delivery deliverTo(ChannelName name, AlertChannel channel, List<Finding> findings, ObjectNode answer,
                               Budget budget, AtomicReference<Delivery> progress) {
        try {
            ChannelSender.Target target = sender.resolve(name);
            byte[] body = channel.body(texts.get(name), findings, answer);
            return sender.send(name, target.url(), body, channel.headers(body, target.signingSecret(), clock.instant()),
                    budget, progress);
        } catch (ChannelSender.Unavailable e) {
            return new Delivery(name, Delivery.Delivered.NO, "not sent: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Delivery(name, Delivery.Delivered.NO, "not sent: unexpected " + e.getClass().getSimpleName());
        }
    }

    /** Each channel's text, in the language {@link AlertText#choose} gives it; only the languages in use are loaded. */
    static Map<ChannelName, AlertText> texts(AlertsConfig config, List<ChannelName> channels, String generalLanguage) {
        Map<ChannelName, AlertText> texts = new EnumMap<>(ChannelName.class);
        for (ChannelName channel : channels) {
            texts.put(channel, new AlertText(AlertText.choose(channel.settings(config).language().orElse(null),
                    config.language().orElse(null), generalLanguage)));
        }
        return texts;
    }
}
