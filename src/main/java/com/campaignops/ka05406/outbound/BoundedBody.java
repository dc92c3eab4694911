package com.campaignops.ka05406.outbound;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Turns an answer into its body, or into a {@link CallFailure} saying whether a retry may help, without ever
 * holding more than {@code maxBytes + 1} bytes of it. 3xx (never followed) and 4xx are permanent; 5xx and 429
 * transient. {@link #soap} reads SOAP's way: a fault may come with 500 (SOAP 1.1) or 403 (Campaign's refused
 * Logon), so such a body holding a fault is handed on to be read as one.
 * <p>
 * Why this is bounded, for Quarkus REST client 3.34.1 (read in its bytecode, then tested): a method
 * returning {@link Response} or {@link InputStream} gets a {@code VertxClientInputStream}, which pauses
 * the Vert.x response and asks for another chunk only as the previous one is read, so unread bytes stay
 * in the socket. Any other return type, such as {@code String}, collects the whole body first: with one,
 * a 5 MB chunked body was read whole and parsed. The {@code HUGE_BODY_STILL_ARRIVING_WITHOUT_CONTENT_LENGTH}
 * case of {@code HttpRestartSourceTest} sends 5 MB over 4 s and is refused as too large long before the
 * attempt timeout, which only streaming allows. Closing the stream early discards the rest as it
 * arrives, without keeping it; the read timeout, or the invocation ending, bounds how long that lasts.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static String read(Response response, int maxBytes) {
        return read(response, maxBytes, false);
    }

    /** As {@link #read}, a 4xx or 500 whose body holds a SOAP fault returned as a body. */
    public static String soap(Response response, int maxBytes) {
        return read(response, maxBytes, true);
    }

    private static String read(Response response, int maxBytes, boolean faults) {
        try (response) {
            int status = response.getStatus();
            if (status >= 300 && status < 400) {
                throw new CallFailure.Permanent("HTTP " + status + ": redirect to another location not followed", status);
            }
            if (status == 429 || status > 500 || status == 500 && !faults) {
                throw new CallFailure.Transient("HTTP " + status, CallFailure.Transient.Kind.REFUSED);
            }
            if (status < 200 || status >= 400 && !faults) {
                throw new CallFailure.Permanent("HTTP " + status, status);
            }
            if (response.getLength() > maxBytes) {
                throw tooLarge(maxBytes);
            }
            byte[] body;
            try (InputStream in = response.readEntity(InputStream.class)) {
                body = in.readNBytes(maxBytes + 1);
            } catch (IOException | RuntimeException e) {
                throw new CallFailure.Transient("the answer broke off while being read (" + e.getClass().getSimpleName()
                        + ")", CallFailure.Transient.Kind.NO_ANSWER);
            }
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            String text = new String(body, charsetOf(response.getMediaType()));
            if (status >= 400 && !text.contains("Fault")) {
                throw status == 500 ? new CallFailure.Transient("HTTP 500", CallFailure.Transient.Kind.REFUSED)
                        : new CallFailure.Permanent("HTTP " + status, status);
            }
            return text;
        }
    }

    private static CallFailure tooLarge(int maxBytes) {
        return new CallFailure.Permanent("response larger than " + maxBytes + " bytes");
    }

    private static Charset charsetOf(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
