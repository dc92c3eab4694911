package com.campaignops.ka05406.secrets;

import java.util.Optional;

/** Where a secret is kept: an SSM Parameter Store SecureString or a Secrets Manager secret, by name. */
public record SecretRef(Store store, String name) {

    public enum Store {
        PARAMETER, SECRET
    }

    /** The parameter when one is named, else the secret; empty when neither is (blank counts as unset). */
    public static Optional<SecretRef> of(Optional<String> parameter, Optional<String> secretId) {
        return parameter.filter(p -> !p.isBlank()).map(name -> new SecretRef(Store.PARAMETER, name))
                .or(() -> secretId.filter(s -> !s.isBlank()).map(name -> new SecretRef(Store.SECRET, name)));
    }

    /** Names the store and the name (never the value), for logs and reasons. */
    @Override
    public String toString() {
        return (store == Store.PARAMETER ? "SSM parameter " : "Secrets Manager secret ") + name;
    }
}
