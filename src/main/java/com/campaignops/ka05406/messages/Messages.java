package com.campaignops.ka05406.messages;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Sentences in one language: a template per key, its {@code {0}}, {@code {1}}… filled with the arguments as they
 * are (instants, codes, zone ids and names are never translated). Also the language's way of writing a time of
 * day (12-hour clock for {@code en-US}) and a list. Thread-safe and immutable.
 */
public final class Messages {

    private final Language language;
    private final Map<String, Template> templates;

    Messages(Language language, Map<String, Template> templates) {
        this.language = language;
        this.templates = templates;
    }

    public static Messages english() {
        return Catalog.DEFAULT.messages(Language.EN);
    }

    public static Messages of(Language language) {
        return Catalog.DEFAULT.messages(language);
    }

    public Language language() {
        return language;
    }

    /** The sentence {@code key} with its arguments; an argument that is a {@link Text} is rendered first. */
    public String get(String key, Object... args) {
        Template template = templates.get(key);
        if (template == null) {
            throw new IllegalArgumentException("no text " + key);
        }
        if (template.places().length == 0) {
            return template.text();
        }
        String[] rendered = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            rendered[i] = args[i] instanceof Text text ? render(text) : String.valueOf(args[i]);
        }
        return template.fill(rendered);
    }

    public String render(Text text) {
        return get(text.key(), text.args().toArray());
    }

    /** A time of day as a person reads it: {@code 06:05}, or {@code 6:05 AM} in {@code en-US}. */
    public String time(LocalTime time) {
        int h = time.getHour();
        int m = time.getMinute();
        if (language == Language.EN_US) {
            int h12 = h % 12 == 0 ? 12 : h % 12;
            return h12 + (m < 10 ? ":0" : ":") + m + (h < 12 ? " AM" : " PM");
        }
        return (h < 10 ? "0" : "") + h + (m < 10 ? ":0" : ":") + m;
    }

    /** {@code a, b, c} in the language's way. */
    public String commaList(List<String> items) {
        return fold("list.comma", items);
    }

    /** {@code a or b or c} in the language's way. */
    public String orList(List<String> items) {
        return fold("list.or", items);
    }

    /** Two sentences one after the other (a space between them, none in Japanese). */
    public String sentences(String first, String second) {
        return get("sentence.join", first, second);
    }

    private String fold(String key, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        String result = items.get(0);
        for (int i = 1; i < items.size(); i++) {
            result = get(key, result, items.get(i));
        }
        return result;
    }
}
