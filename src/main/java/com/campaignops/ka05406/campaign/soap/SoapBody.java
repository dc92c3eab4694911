package com.campaignops.ka05406.campaign.soap;

import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The answer's body, never more than {@code maxBytes + 1} of it held (the REST client streams a
 * {@link Response}'s entity). SOAP 1.1 sends faults with HTTP 500 and Campaign refuses a Logon with
 * 403, so a 4xx or 500 whose body holds a fault is handed on to be read as one; other 5xx and 429 are
 * transient, 3xx (never followed) and 4xx are not.
 */
final class SoapBody {

    private SoapBody() {
    }

    static String read(Response response, int maxBytes) {
        try (response) {
            int status = response.getStatus();
            if (status >= 300 && status < 400) {
                throw new CallFailure.Permanent("HTTP " + status + ": redirect (a login page?) not followed");
            }
            if (status == 429 || status > 500) {
                throw new CallFailure.Transient("HTTP " + status);
            }
            if (status < 200) {
                throw new CallFailure.Permanent("HTTP " + status);
            }
            if (response.getLength() > maxBytes) {
                throw tooLarge(maxBytes);
            }
            byte[] body;
            try (InputStream in = response.readEntity(InputStream.class)) {
                body = in.readNBytes(maxBytes + 1);
            } catch (IOException | RuntimeException e) {
                throw new CallFailure.Transient("the answer broke off while being read (" + e.getClass().getSimpleName() + ")");
            }
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            String text = new String(body, StandardCharsets.UTF_8);
            // A fault may come with 500 (SOAP 1.1) or 403 (a refused Logon): its code says more than the status.
            if (status >= 300 && !text.contains("Fault")) {
                throw status == 500 ? new CallFailure.Transient("HTTP 500")
                        : new CallFailure.Permanent("HTTP " + status, status);
            }
            return text;
        }
    }

    private static CallFailure tooLarge(int maxBytes) {
        return new CallFailure.Permanent("answer larger than " + maxBytes + " bytes");
    }
}
