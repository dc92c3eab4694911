package com.campaignops.ka05406.messages;

import java.util.Locale;

/**
 * The languages the function speaks. English is the reference; {@code en-US} is English with the 12-hour clock.
 * The console's own languages (English, French, German, Japanese) and the KB article's (French, Swedish, Italian).
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

    public Locale locale() {
        return locale;
    }
}
