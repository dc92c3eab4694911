package com.campaignops.ka05406.notification;

import org.jsoup.parser.Parser;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Text as a person reads it, from what mail templates, monitoring pages and alert tools send: HTML entities
 * decoded (every named entity of HTML5 and every numeric form, escaped once or several times) and tags removed,
 * line-breaking ones becoming line breaks.
 */
public final class MarkupText {

    private static final Pattern AMP_LAYERS = Pattern.compile("&(?:amp;)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern BREAKING_TAG = Pattern.compile(
            "(?i)<\\s*(?:br|/p|/div|/tr|/li|/h[1-6])\\s*/?\\s*>");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?\\s*>");
    private static final int DECODE_ROUNDS = 3;

    private MarkupText() {
    }

    static String plain(String text) {
        String current = text.indexOf('<') < 0 ? text
                : TAG.matcher(BREAKING_TAG.matcher(text).replaceAll("\n")).replaceAll(" ");
        if (current.indexOf('&') < 0) {
            return current;
        }
        current = unescapeLayers(current, escaped -> Parser.unescapeEntities(escaped, false));
        // A no-break space (&nbsp;, &#160;) separates like a space; the readers after this expect plain spaces.
        return current.replace('\u00a0', ' ').replace('\u2002', ' ').replace('\u2003', ' ').replace('\u2009', ' ');
    }

    /**
     * Entities escaped several times over (&amp;amp;#39;: HTML through mail templates) decoded by {@code unescapeOnce}:
     * the &amp; layers collapse in one pass, then 3 rounds: looping to a fixed point took seconds (FuzzedInputTest).
     */
    public static String unescapeLayers(String text, UnaryOperator<String> unescapeOnce) {
        String current = AMP_LAYERS.matcher(text).replaceAll("&");
        for (int round = 0; round < DECODE_ROUNDS && current.indexOf('&') >= 0; round++) {
            String decoded = unescapeOnce.apply(current);
            if (decoded.equals(current)) {
                break;
            }
            current = decoded;
        }
        return current;
    }
}
