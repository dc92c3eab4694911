package com.campaignops.ka05406.alerts;

import com.campaignops.ka05406.messages.Language;
import com.campaignops.ka05406.messages.Languages;

import java.util.Optional;

/**
 * The language of one channel's alerts, in order: the channel's {@code language}
 * ({@code restart-check.alerts.slack.language}…), {@code restart-check.alerts.language},
 * {@code restart-check.language}, English. A tag not spoken here falls back along its parents, then to English.
 */
public final class AlertLanguages {

    private AlertLanguages() {
    }

    /**
     * @param generalLanguage {@code restart-check.language}, or {@code null}
     */
    static Language of(AlertsConfig config, ChannelName channel, String generalLanguage) {
        Optional<String> own = switch (channel) {
            case SLACK -> config.slack().language();
            case TEAMS -> config.teams().language();
            case WEBHOOK -> config.webhook().language();
        };
        return choose(tag(own), tag(config.language()), generalLanguage);
    }

    /** The first tag given, as {@link Languages#ofTag} reads it; English when none is. */
    public static Language choose(String channelTag, String alertsTag, String generalTag) {
        for (String tag : new String[]{channelTag, alertsTag, generalTag}) {
            if (tag != null && !tag.isBlank()) {
                return Languages.ofTag(tag);
            }
        }
        return Language.EN;
    }

    private static String tag(Optional<String> setting) {
        return setting == null ? null : setting.orElse(null);
    }
}
