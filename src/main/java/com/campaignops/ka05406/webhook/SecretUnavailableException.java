package com.campaignops.ka05406.webhook;

/** The configured secret could not be read; the message is safe to log: it holds no secret. */
public final class SecretUnavailableException extends RuntimeException {

    SecretUnavailableException(String reason) {
        super(reason, null, false, false);
    }
}
