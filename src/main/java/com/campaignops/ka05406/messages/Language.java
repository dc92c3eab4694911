package com.campaignops.ka05406.messages;

import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The languages the function speaks. English is the reference; {@code en-US} is English with the 12-hour clock.
 * The console's own languages (English, French, German, Japanese) and the KB article's (French, Swedish, Italian).
 *
 * <p>Which language a reader gets, in order: the notification's {@code language} (a BCP 47 tag), the webhook
 * request's {@code Accept-Language} (by q-value), the setting {@code restart-check.language}, English. A tag the
 * function does not speak falls back along its parents ({@code fr-CA} → {@code fr}, {@code en-US-x-ops} →
 * {@code en-US}) and then to English.
 */
public enum Language {
    EN("en"), EN_US("en-US"), FR("fr"), DE("de"), JA("ja"), SV("sv"), IT("it");

    private final Locale locale;

    Language(String tag) {
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The BCP 47 tag the verdict reports in {@code language}. */
    public String tag() {
        return locale.toLanguageTag();
    }

    /** Which texts it uses, by language alone: {@code messages/messages_<catalog>.properties}. */
    public String catalog() {
        return locale.getLanguage();
    }

    /** Each of the three may be {@code null} or blank. */
    public static Language choose(String notificationTag, String acceptLanguage, String settingTag) {
        if (notificationTag != null && !notificationTag.isBlank()) {
            return ofTag(notificationTag);
        }
        Language accepted = acceptLanguage == null || acceptLanguage.isBlank() ? null : accepted(acceptLanguage);
        if (accepted != null) {
            return accepted;
        }
        return settingTag == null || settingTag.isBlank() ? EN : ofTag(settingTag);
    }

    /** The language for one tag: itself, else its nearest parent spoken here, else English. */
    public static Language ofTag(String tag) {
        return Objects.requireNonNullElse(spoken(tag), EN);
    }

    /** The first range of the header, by q-value, that a spoken language serves; {@code null} for none. */
    private static Language accepted(String header) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return ranges.stream().filter(r -> r.getWeight() > 0 && !r.getRange().startsWith("*"))
                .map(r -> spoken(r.getRange())).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The tag or its nearest parent among the spoken languages, or {@code null}. */
    private static Language spoken(String tag) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            return null;
        }
        String language = locale.getLanguage();
        Language parent = null;
        for (Language l : values()) {
            if (!l.locale.getLanguage().equals(language)) {
                continue;
            }
            if (l.locale.getCountry().equals(locale.getCountry())) {
                return l;
            }
            if (parent == null && l.locale.getCountry().isEmpty()) {
                parent = l;
            }
        }
        return parent;
    }
}
