package com.campaignops.ka05406.outbound;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Keeps secrets out of logs: session tokens travel in query strings and user-info of Campaign URLs. */
public final class Redaction {

    private static final Pattern QUERY = Pattern.compile("\\?\\S*");

    private Redaction() {
    }

    /** Scheme, host, port and path only: no user-info, no query string. */
    public static String url(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme() + "://" + url.getHost() + port + (url.getPath() == null ? "" : url.getPath());
    }

    /** The root cause's type and message, e.g. "timeout (…TimeoutException: The timeout period of 2000ms…)". */
    static String cause(Throwable root) {
        String message = root.getMessage() == null ? "" : ": " + QUERY.matcher(root.getMessage()).replaceAll("?…");
        String type = root.getClass().getSimpleName();
        String kind = type.toLowerCase(Locale.ROOT).contains("timeout") ? "timeout" : "connection failed";
        return kind + " (" + type + message + ")";
    }
}
