package com.campaignops.ka05406.campaign.soap;

import java.util.Locale;

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

    private static final int MAX_TEXT = 300;

    private final Kind kind;

    SoapFault(String faultString, String detail) {
        super(describe(faultString, detail), null, false, false);
        this.kind = kindOf(faultString + " " + detail);
    }

    Kind kind() {
        return kind;
    }

    /** By the Campaign codes its texts name (the detail's cause or the wrapper's), or an operator said to be locked. */
    private static Kind kindOf(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.contains("XSV-350008")) {
            return Kind.SESSION_EXPIRED;
        }
        if (text.contains("XSV-350012") || text.contains("XSV-350013") || lower.contains("locked")
                || lower.contains("verrouill")) {
            return Kind.AUTHENTICATION;
        }
        return Kind.OTHER;
    }

    private static String describe(String faultString, String detail) {
        String fault = faultString.strip();
        String cause = detail.strip();
        String text = "SOAP fault: " + clip(fault);
        return cause.isEmpty() || cause.equals(fault) ? text : text + " (" + clip(cause) + ")";
    }

    /** Fault texts come from the server: cut, and kept on one line, before they reach a report or a log. */
    private static String clip(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}]+", " ");
        return oneLine.length() <= MAX_TEXT ? oneLine : oneLine.substring(0, MAX_TEXT) + "…";
    }
}
