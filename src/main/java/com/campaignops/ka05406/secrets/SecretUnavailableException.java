package com.campaignops.ka05406.secrets;

/** A configured secret could not be read; the message is safe to log: it holds no secret. */
public final class SecretUnavailableException extends RuntimeException {

    public SecretUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
