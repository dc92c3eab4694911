package com.campaignops.ka05406.messages;

import java.util.Arrays;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * A sentence's template, cut once when its catalogue is read into its text and its {@code {n}} places, so that
 * writing a sentence copies whole pieces instead of searching the template again: this runs for every sentence of
 * every verdict. No MessageFormat: apostrophes are text, and any brace that is not a place is kept.
 *
 * @param text    the template as written: the whole sentence when it has no places
 * @param pieces  the text before each place, then the text after the last one: one more piece than places
 * @param places  the argument each place takes
 * @param written each place as written ({@code {1}}), kept when its argument is not given
 */
record Template(String text, String[] pieces, int[] places, String[] written) {

    private static final Pattern PLACE = Pattern.compile("\\{\\d{1,2}}");

    static Template of(String text) {
        String[] written = PLACE.matcher(text).results().map(MatchResult::group).toArray(String[]::new);
        return new Template(text, PLACE.split(text, -1),
                Arrays.stream(written).mapToInt(w -> Integer.parseInt(w, 1, w.length() - 1, 10)).toArray(), written);
    }

    /** The sentence with these arguments, already written as text; a place without its argument stays as written. */
    String fill(String[] arguments) {
        // String.join sizes the sentence exactly and copies each piece once.
        String[] parts = new String[2 * places.length + 1];
        for (int p = 0; p < places.length; p++) {
            parts[2 * p] = pieces[p];
            parts[2 * p + 1] = places[p] < arguments.length ? arguments[places[p]] : written[p];
        }
        parts[2 * places.length] = pieces[places.length];
        return String.join("", parts);
    }
}
