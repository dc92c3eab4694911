package com.campaignops.ka05406.messages;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * Sentences in one language: a template per key, its {@code {0}}, {@code {1}}… filled with the arguments as they
 * are (instants, codes, zone ids and names are never translated). Also the language's way of writing a time of
 * day (12-hour clock for {@code en-US}), a decimal number (decimal comma in French, German, Swedish, Italian) and
 * a list. Thread-safe and immutable.
 */
public final class Messages {

    private final Language language;
    private final Map<String, String> templates;
    private final Map<String, String> english;

    Messages(Language language, Map<String, String> templates, Map<String, String> english) {
        this.language = language;
        this.templates = templates;
        this.english = english;
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
        String template = templates.get(key);
        if (template == null) {
            template = english.get(key);
            if (template == null) {
                throw new IllegalArgumentException("no text " + key);
            }
        }
        return fill(template, args);
    }

    public String render(Text text) {
        return get(text.key(), text.args().toArray());
    }

    /** A time of day as a person reads it: {@code 06:05}, or {@code 6:05 AM} in {@code en-US}. */
    public String time(LocalTime time) {
        int h = time.getHour();
        int m = time.getMinute();
        if (language.twelveHourClock()) {
            int h12 = h % 12 == 0 ? 12 : h % 12;
            return h12 + (m < 10 ? ":0" : ":") + m + (h < 12 ? " AM" : " PM");
        }
        return (h < 10 ? "0" : "") + h + (m < 10 ? ":0" : ":") + m;
    }

    /** A number with up to two decimals, as the language writes it: {@code 0.06}, {@code 0,06}. */
    public String decimal(double value) {
        DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(language.locale()));
        return format.format(value);
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

    /**
     * {@code {n}} replaced by the n-th argument; any other brace is kept. No MessageFormat: apostrophes are text.
     * The arguments are rendered first and the sentence built at its exact length: this runs for every sentence of
     * every verdict.
     */
    String fill(String template, Object[] args) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        String[] rendered = new String[args.length];
        int length = template.length();
        for (int i = 0; i < args.length; i++) {
            rendered[i] = argument(args[i]);
            length += rendered[i].length();
        }
        StringBuilder out = new StringBuilder(length);
        int from = 0;
        while (open >= 0) {
            int close = template.indexOf('}', open);
            int index = close > open + 1 ? index(template, open + 1, close) : -1;
            if (index < 0 || index >= args.length) {
                out.append(template, from, open + 1);
                from = open + 1;
            } else {
                out.append(template, from, open).append(rendered[index]);
                from = close + 1;
            }
            open = template.indexOf('{', from);
        }
        return out.append(template, from, template.length()).toString();
    }

    private static int index(String template, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = template.charAt(i);
            if (c < '0' || c > '9' || to - from > 2) {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private String argument(Object arg) {
        return arg instanceof Text text ? render(text) : String.valueOf(arg);
    }
}
