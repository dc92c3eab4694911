package com.campaignops.ka05406.signature;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises KA-05406's error, "Empty return for method 'Logon' of service 'xtk:session'", in any of
 * the forms it reaches us: English or the article's French, Swedish and Italian phrasings, HTML-escaped
 * or curly quotes, a Campaign error-code prefix, or buried in a whole log line.
 *
 * <p>Three independent pieces must all be present: the service {@code xtk:session}, the Logon method
 * (or its translation) and an "empty return" phrase. Keying on pieces instead of one sentence is what
 * makes translations and re-quoting harmless; requiring all three is what keeps the neighbouring
 * Logon failures out.
 */
public final class LogonSignature {

    private static final Pattern SERVICE = Pattern.compile("xtk ?: ?sessi(?:on|one)\\b");
    private static final Pattern METHOD = Pattern.compile("\\b(?:logon|accesso|connexion|inloggning)\\b");
    private static final Pattern EMPTY_RETURN = Pattern.compile(
            "empty (?:return|response)|(?:retour|renvoi) vide|tomt? retur|(?:restituzione|risposta) vuota"
                    + "|ritorno vuoto|leere r(?:u|ü)ckgabe");
    private static final Pattern AMP_LAYERS = Pattern.compile("&(?:amp;)+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DECODE_ROUNDS = 3;
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#x?[0-9a-f]+|quot|apos|amp|lt|gt|nbsp);");
    private static final Pattern QUOTES = Pattern.compile("[\"'`´‘’‚‛“”„‟«»‹›*]");

    public Recognition recognise(String errorText) {
        if (errorText == null || errorText.isBlank()) {
            return new Recognition(false, Optional.empty());
        }
        String text = normalise(errorText);
        boolean signature = SERVICE.matcher(text).find() && METHOD.matcher(text).find()
                && EMPTY_RETURN.matcher(text).find();
        Optional<NeighbourError> neighbour = Optional.empty();
        for (NeighbourError candidate : NeighbourError.values()) {
            if (candidate.foundIn(text)) {
                neighbour = Optional.of(candidate);
                break;
            }
        }
        // A timing-independent cause named in the same text wins: its fix is not a scheduler change.
        return new Recognition(signature && neighbour.filter(n -> n != NeighbourError.CONNECTION_REFUSED).isEmpty(),
                neighbour);
    }

    static String normalise(String text) {
        String decoded = decodeEntities(Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
        // (?U): Unicode white space, so a no-break space (U+00A0, &#160;, typographic French) separates words
        // exactly as &nbsp; and a plain space do.
        return QUOTES.matcher(decoded).replaceAll(" ").replaceAll("(?U)\\s+", " ").strip();
    }

    private static String decodeEntities(String text) {
        // Entities can arrive escaped several times (&amp;amp;#39;) when HTML passes through mail templates.
        // Collapsing the &amp; layers in one pass, then a bounded number of rounds, keeps the cost linear:
        // a loop until nothing changes took seconds on a payload of nested &amp; (FuzzedInputTest).
        String current = AMP_LAYERS.matcher(text).replaceAll("&");
        for (int round = 0; round < MAX_DECODE_ROUNDS; round++) {
            String decoded = decodeOnce(current);
            if (decoded.equals(current)) {
                break;
            }
            current = decoded;
        }
        return current;
    }

    private static String decodeOnce(String text) {
        Matcher m = HTML_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "quot" -> "\"";
                case "apos" -> "'";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "nbsp" -> " ";
                default -> codePoint(entity);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(String entity) {
        try {
            int cp = entity.startsWith("#x")
                    ? Integer.parseInt(entity.substring(2), 16)
                    : Integer.parseInt(entity.substring(1));
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " ";
        } catch (NumberFormatException e) {
            return " ";
        }
    }
}
