package com.campaignops.ka05406.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence's template, cut once when its catalogue is read into its text and its {@code {n}} places, so that
 * writing a sentence copies whole pieces instead of searching the template again: this runs for every sentence of
 * every verdict. No MessageFormat: apostrophes are text, and any brace that is not a place is kept.
 */
final class Template {

    private final String text;
    /** The text before each place, then the text after the last one: one more piece than places. */
    private final String[] pieces;
    /** The argument each place takes. */
    private final int[] places;
    /** Each place as written ({@code {1}}), kept when its argument is not given. */
    private final String[] written;

    private Template(String text, String[] pieces, int[] places, String[] written) {
        this.text = text;
        this.pieces = pieces;
        this.places = places;
        this.written = written;
    }

    static Template of(String text) {
        List<String> pieces = new ArrayList<>();
        List<Integer> places = new ArrayList<>();
        List<String> written = new ArrayList<>();
        int from = 0;
        int open = text.indexOf('{');
        while (open >= 0) {
            int close = text.indexOf('}', open);
            int index = close > open + 1 ? index(text, open + 1, close) : -1;
            if (index >= 0) {
                pieces.add(text.substring(from, open));
                places.add(index);
                written.add(text.substring(open, close + 1));
                from = close + 1;
            }
            open = text.indexOf('{', index >= 0 ? from : open + 1);
        }
        pieces.add(text.substring(from));
        return new Template(text, pieces.toArray(String[]::new), places.stream().mapToInt(Integer::intValue).toArray(),
                written.toArray(String[]::new));
    }

    /** The sentence with these arguments, already written as text; a place without its argument stays as written. */
    String fill(String[] arguments) {
        if (places.length == 0) {
            return text;
        }
        String[] filled = new String[places.length];
        int length = pieces[places.length].length();
        for (int p = 0; p < places.length; p++) {
            filled[p] = places[p] < arguments.length ? arguments[places[p]] : written[p];
            length += pieces[p].length() + filled[p].length();
        }
        StringBuilder out = new StringBuilder(length);
        for (int p = 0; p < places.length; p++) {
            out.append(pieces[p]).append(filled[p]);
        }
        return out.append(pieces[places.length]).toString();
    }

    /** The template as written: the whole sentence when it has no places. */
    String text() {
        return text;
    }

    boolean hasPlaces() {
        return places.length > 0;
    }

    private static int index(String text, int from, int to) {
        if (to - from > 2) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
