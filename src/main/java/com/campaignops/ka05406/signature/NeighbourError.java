package com.campaignops.ka05406.signature;

/**
 * Logon failures that look like KA-05406 but are not: they do not depend on when the workflow runs,
 * so moving its scheduler would not help (docs/contract.md). Their words are the catalogue's
 * {@code neighbour.<name>}.
 */
public enum NeighbourError {
    WRONG_PASSWORD("xsv-350012|invalid login or password|identifiant ou mot de passe incorrect",
            "xsv-350012", "invalid login or password", "identifiant ou mot de passe incorrect"),
    // Not the signature's own "xtk:session" followed by some "invalid ...".
    SESSION_EXPIRED("xsv-350008|session has expired|(?<!xtk ?: ?)session .{0,20}invalid", "xsv-350008", "session "),
    IP_NOT_IN_SECURITY_ZONE("xsv-350013|security zone|ip address via which", "xsv-350013", "security zone",
            "ip address via which"),
    TLS_FAILURE("iob-090020|iob-090013|ssl library|ssl routines|certificate verify failed|handshake",
            "iob-0900", "ssl ", "certificate verify failed", "handshake"),
    ACCOUNT_LOCKED("\\blocked\\b|\\bbanned\\b|too many (failed|unsuccessful)|max_unsuccess", "locked", "banned",
            "too many ", "max_unsuccess"),
    CONNECTION_REFUSED("iob-090007|connection refused|web-530007|error relaying|communication error with server",
            "iob-090007", "connection refused", "web-530007", "error relaying", "communication error with server");

    final AnchoredPattern pattern;

    NeighbourError(String regex, String... literals) {
        this.pattern = new AnchoredPattern(regex, literals);
    }
}
