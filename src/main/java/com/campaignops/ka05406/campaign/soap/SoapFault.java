package com.campaignops.ka05406.campaign.soap;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SOAP fault from Campaign, typed by the error code in its {@code faultstring} or {@code detail}
 * (e.g. {@code SOP-330011 Error while executing the method 'Logon'…} with {@code XSV-350012 …} in detail).
 */
final class SoapFault extends RuntimeException {

    enum Kind {
        /** Wrong password (XSV-350012), IP outside the security zone (XSV-350013), locked operator: never retried. */
        AUTHENTICATION,
        /** The session expired (XSV-350008): one new Logon, no more. */
        SESSION_EXPIRED,
        /** Anything else: a typed reason in the report, not retried. */
        OTHER
    }

    private static final Pattern CODE = Pattern.compile("\\b([A-Z]{3}-\\d{6})\\b");
    private static final int MAX_TEXT = 300;

    private final String code;
    private final Kind kind;

    SoapFault(String faultString, String detail) {
        super(describe(faultString, detail), null, false, false);
        this.code = codeOf(faultString, detail);
        this.kind = kindOf(code, faultString + " " + detail);
    }

    /** The most specific Campaign code: the detail's (the cause) before the faultstring's (the wrapper). */
    String code() {
        return code;
    }

    Kind kind() {
        return kind;
    }

    private static String codeOf(String faultString, String detail) {
        Matcher inDetail = CODE.matcher(detail);
        if (inDetail.find()) {
            return inDetail.group(1);
        }
        Matcher inString = CODE.matcher(faultString);
        return inString.find() ? inString.group(1) : null;
    }

    private static Kind kindOf(String code, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if ("XSV-350008".equals(code) || text.contains("XSV-350008")) {
            return Kind.SESSION_EXPIRED;
        }
        if ("XSV-350012".equals(code) || "XSV-350013".equals(code) || text.contains("XSV-350012")
                || text.contains("XSV-350013") || lower.contains("locked") || lower.contains("verrouill")) {
            return Kind.AUTHENTICATION;
        }
        return Kind.OTHER;
    }

    private static String describe(String faultString, String detail) {
        String text = clip(faultString.strip());
        if (!detail.isBlank() && !detail.strip().equals(faultString.strip())) {
            text += " (" + clip(detail.strip()) + ")";
        }
        return "SOAP fault: " + text;
    }

    /** Fault texts come from the server: cut, and kept on one line, before they reach a report or a log. */
    private static String clip(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}]+", " ");
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "…";
    }
}
