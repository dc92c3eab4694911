package com.campaignops.ka05406.restart.http;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Keeps secrets out of logs: session tokens travel in query strings and user-info of Campaign URLs. */
final class Redaction {

    private static final Pattern QUERY = Pattern.compile("\\?\\S*");

    private Redaction() {
    }

    static String url(URI url) {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme() + "://" + url.getHost() + port + (url.getPath() == null ? "" : url.getPath());
    }

    /** The root cause's type and message, e.g. "timeout: The timeout period of 2000ms has been exceeded…". */
    static String cause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + QUERY.matcher(root.getMessage()).replaceAll("?…");
        String kind = root.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout") ? "timeout" : "connection failed";
        return kind + " (" + root.getClass().getSimpleName() + message + ")";
    }
}
