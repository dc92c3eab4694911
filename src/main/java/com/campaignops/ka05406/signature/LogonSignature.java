package com.campaignops.ka05406.signature;

import com.campaignops.ka05406.notification.MarkupText;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    private static final AnchoredPattern SERVICE = new AnchoredPattern(
            // The Japanese KB copy splits it: サービス「xtk」のメソッド「Logon」の戻り値が空です：session (or ：セッション).
            "xtk ?: ?sessi(?:on|one)\\b|xtk .{0,40}[:：] ?(?:session|セッション)", "xtk");
    /** The method as the KB's copies name it (Logon; Accesso in Italian, Inloggning in Swedish). */
    private static final AnchoredPattern METHOD = new AnchoredPattern(
            "\\b(?:logon|accesso|inloggning)\\b", "logon", "accesso", "inloggning");
    /**
     * "Empty return" as the English message and the KB's copies write it: French, Swedish, Italian, German
     * (Leere Rückgabe) and Japanese (「Logon」の戻り値が空です, matched from the method, as Japanese puts it first).
     */
    private static final AnchoredPattern EMPTY_RETURN = new AnchoredPattern(
            "empty return|(?:retour|renvoi) vide|tomt? retur|restituzione vuota|ritorno vuoto|leere r(?:u|ü)ckgabe"
                    + "|logon ?の戻り値が空",
            "empty ", "retour", "renvoi", "tom", "restituzione", "ritorno", "leere r", "logon");
    /** Phrasings a translation could plausibly use but no real source shows: a Logon failure, not a MATCH. */
    private static final AnchoredPattern UNVERIFIED_METHOD = new AnchoredPattern(
            "\\b(?:connexion|anmeldung|login)\\b", "connexion", "anmeldung", "login");
    private static final AnchoredPattern UNVERIFIED_EMPTY_RETURN = new AnchoredPattern(
            "empty (?:response|result|answer)|risposta vuota|leere antwort|tomt svar|vide\\b|vuot[aeio]\\b|leer",
            "empty ", "risposta", "leere ", "tomt ", "vide", "vuot", "leer");
    private static final List<AnchoredPattern> PIECES = List.of(SERVICE, METHOD, EMPTY_RETURN, UNVERIFIED_METHOD,
            UNVERIFIED_EMPTY_RETURN);
    /** Every pattern looked for, in this order: the pieces, then the neighbours in declaration order. */
    static final List<AnchoredPattern> ALL_PATTERNS = Stream.concat(PIECES.stream(),
            Arrays.stream(NeighbourError.values()).map(neighbour -> neighbour.pattern)).toList();
    private static final Pattern HTML_ENTITY = Pattern.compile("&(#x?[0-9a-f]+|quot|apos|amp|lt|gt|nbsp);");
    /** Quote marks of every language the KB is written in: replaced by spaces, like white space. */
    private static final String QUOTE_CHARS = "\"'`´‘’‚‛“”„‟«»‹›*「」『』";

    public Recognition recognise(String errorText) {
        if (errorText == null || errorText.isBlank()) {
            return new Recognition(Recognition.Kind.OTHER, Optional.empty());
        }
        String text = normalise(errorText);
        int[] from = earliestLiterals(text);
        Optional<NeighbourError> neighbour = neighbourIn(text, from);
        return new Recognition(kindOf(errorText, text, from, neighbour), neighbour);
    }

    /**
     * {@code recognise(errorText)} when it is the signature, else {@code null}: one journal line's judgement,
     * kept so that the same text is not read twice when it is also the error to judge.
     */
    public Recognition signatureIn(String errorText) {
        // No "xtk", no signature: most journal lines end here. Normalising plain ASCII only changes case and
        // spacing, so for such a line the raw text already tells.
        if (errorText == null || !mayHoldXtk(errorText)) {
            return null;
        }
        Recognition recognition = recognise(errorText);
        return recognition.matchesSignature() ? recognition : null;
    }

    private static Recognition.Kind kindOf(String raw, String text, int[] from, Optional<NeighbourError> neighbour) {
        // A timing-independent cause named in the same text wins: its fix is not a scheduler change.
        if (neighbour.filter(n -> n != NeighbourError.CONNECTION_REFUSED).isPresent()) {
            return Recognition.Kind.NEIGHBOUR;
        }
        boolean service = found(SERVICE, text, from);
        if (service && found(METHOD, text, from) && found(EMPTY_RETURN, text, from)) {
            return Recognition.Kind.SIGNATURE;
        }
        boolean method = found(METHOD, text, from) || found(UNVERIFIED_METHOD, text, from);
        boolean empty = found(EMPTY_RETURN, text, from) || found(UNVERIFIED_EMPTY_RETURN, text, from);
        if (service && method && empty) {
            return Recognition.Kind.UNVERIFIED_PHRASING;
        }
        if (service && method || neighbour.isPresent()
                || (service || empty || found(METHOD, text, from)) && isCut(raw)) {
            return Recognition.Kind.INCOMPLETE;
        }
        return Recognition.Kind.OTHER;
    }

    private static boolean found(AnchoredPattern piece, String text, int[] from) {
        return piece.foundIn(text, from[PIECES.indexOf(piece)]);
    }

    /** Cut by an alert tool or a mail preview: an ellipsis at the end, or a last word broken off mid-quote. */
    private static boolean isCut(String raw) {
        String text = raw.strip();
        if (text.endsWith("…") || text.endsWith("...") || text.endsWith("[...]")) {
            return true;
        }
        char last = text.charAt(text.length() - 1);
        return Character.isLetterOrDigit(last) && text.chars().filter(c -> c == '\'' || c == '‘' || c == '’').count() % 2 == 1;
    }

    private static Optional<NeighbourError> neighbourIn(String text, int[] from) {
        NeighbourError[] neighbours = NeighbourError.values();
        for (int n = 0; n < neighbours.length; n++) {
            if (neighbours[n].pattern.foundIn(text, from[PIECES.size() + n])) {
                return Optional.of(neighbours[n]);
            }
        }
        return Optional.empty();
    }

    /**
     * For each of {@link #ALL_PATTERNS}, where its earliest literal occurs, or -1: its search starts there, or does not
     * run. Plain {@code indexOf} per literal: a hand-written one-pass scanner measured no faster (bench/README.md).
     */
    private static int[] earliestLiterals(String text) {
        int[] from = new int[ALL_PATTERNS.size()];
        for (int p = 0; p < from.length; p++) {
            from[p] = ALL_PATTERNS.get(p).earliestLiteralIn(text);
        }
        return from;
    }

    static String normalise(String text) {
        // Plain ASCII without entities (nearly every journal line) is already NFC and needs no decoding:
        // lower-casing it in the loop below spares the two passes and copies of the general path.
        boolean plain = isAsciiWithoutEntities(text);
        String lower = plain ? text : Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String decoded = plain || lower.indexOf('&') < 0 ? lower
                : MarkupText.unescapeLayers(lower, LogonSignature::decodeOnce);
        // One pass: quotes become spaces, runs of Unicode white space ((?U)\s: a no-break space, U+00A0,
        // &#160;, typographic French) become one space.
        char[] out = new char[decoded.length()];
        int length = 0;
        boolean space = false;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (isSeparator(c)) {
                space = true;
            } else {
                if (space && length > 0) {
                    out[length++] = ' ';
                }
                space = false;
                out[length++] = plain && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            }
        }
        return new String(out, 0, length);
    }

    /** A quote or white space; ASCII first, as this runs for every character of a journal. */
    private static boolean isSeparator(char c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == '"' || c == '\'' || c == '`' || c == '*';
        }
        return QUOTE_CHARS.indexOf(c) >= 0 || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** False only for plain ASCII without entities and without "xtk" in any case; one pass, as it runs per line. */
    private static boolean mayHoldXtk(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '&') {
                return true;
            }
            if ((c | 0x20) == 'x' && i + 2 < text.length()
                    && (text.charAt(i + 1) | 0x20) == 't' && (text.charAt(i + 2) | 0x20) == 'k') {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiWithoutEntities(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '&') {
                return false;
            }
        }
        return true;
    }

    private static String decodeOnce(String text) {
        return HTML_ENTITY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(switch (m.group(1)) {
            case "quot" -> "\"";
            case "apos" -> "'";
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "nbsp" -> " ";
            default -> codePoint(m.group(1));
        }));
    }

    private static String codePoint(String entity) {
        try {
            int cp = entity.startsWith("#x") ? Integer.parseInt(entity.substring(2), 16)
                    : Integer.parseInt(entity.substring(1));
            return Character.isValidCodePoint(cp) ? Character.toString(cp) : " ";
        } catch (NumberFormatException e) {
            return " ";
        }
    }
}
