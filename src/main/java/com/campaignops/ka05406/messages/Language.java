package com.campaignops.ka05406.messages;

import java.util.Locale;

/**
 * The languages the function speaks. English is the reference; {@code en-US} is English with the 12-hour clock.
 * The console's own languages (English, French, German, Japanese) and the KB article's (French, Swedish, Italian).
 */
public enum Language {
    EN("en", "en", false),
    EN_US("en-US", "en", true),
    FR("fr", "fr", false),
    DE("de", "de", false),
    JA("ja", "ja", false),
    SV("sv", "sv", false),
    IT("it", "it", false);

    private final String tag;
    private final String catalog;
    private final boolean twelveHourClock;
    private final Locale locale;

    Language(String tag, String catalog, boolean twelveHourClock) {
        this.tag = tag;
        this.catalog = catalog;
        this.twelveHourClock = twelveHourClock;
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The BCP 47 tag the verdict reports in {@code language}. */
    public String tag() {
        return tag;
    }

    /** Which texts it uses: {@code messages/messages_<catalog>.properties}. */
    public String catalog() {
        return catalog;
    }

    public boolean twelveHourClock() {
        return twelveHourClock;
    }

    public Locale locale() {
        return locale;
    }
}
