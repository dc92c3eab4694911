package com.campaignops.ka05406.restart.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * Turns the answer of a restart source into its body, or into a {@link FetchFailure} saying whether a
 * retry may help, without ever holding more than {@code maxBytes + 1} bytes of it.
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
final class BoundedBody {

    private BoundedBody() {
    }

    static String read(Response response, int maxBytes) {
        try (response) {
            int status = response.getStatus();
            if (status >= 300 && status < 400) {
                // Never followed: a restart URL comes only from configuration, and a Location header could
                // send the function anywhere, e.g. to a cloud metadata address.
                throw new FetchFailure.Permanent("HTTP " + status + ": redirect to another location not followed");
            }
            if (status >= 500 || status == 429) {
                throw new FetchFailure.Transient("HTTP " + status);
            }
            if (status >= 400 || status < 200) {
                throw new FetchFailure.Permanent("HTTP " + status);
            }
            if (response.getLength() > maxBytes) {
                throw tooLarge(maxBytes);
            }
            byte[] body;
            try (InputStream in = response.readEntity(InputStream.class)) {
                body = in.readNBytes(maxBytes + 1);
            } catch (IOException e) {
                throw new FetchFailure.Transient(Redaction.cause(e));
            }
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return new String(body, charsetOf(response.getMediaType()));
        }
    }

    private static FetchFailure tooLarge(int maxBytes) {
        return new FetchFailure.Permanent("response larger than " + maxBytes + " bytes");
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
