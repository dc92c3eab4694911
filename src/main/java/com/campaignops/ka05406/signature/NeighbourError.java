package com.campaignops.ka05406.signature;


/**
 * Logon failures that look like KA-05406 but are not: they do not depend on when the workflow runs,
 * so moving its scheduler would not help (campaign-domain.md §1.4).
 */
public enum NeighbourError {
    WRONG_PASSWORD("wrong login or password (XSV-350012)",
            "xsv-350012|invalid login or password|identifiant ou mot de passe incorrect",
            "xsv-350012", "invalid login or password", "identifiant ou mot de passe incorrect"),
    SESSION_EXPIRED("expired or invalid session (XSV-350008)",
            // Not the signature's own "xtk:session" followed by some "invalid ...".
            "xsv-350008|session has expired|(?<!xtk ?: ?)session .{0,20}invalid", "xsv-350008", "session "),
    IP_NOT_IN_SECURITY_ZONE("caller IP not allowed by a security zone (XSV-350013)",
            "xsv-350013|security zone|ip address via which", "xsv-350013", "security zone", "ip address via which"),
    TLS_FAILURE("TLS/certificate failure (IOB-090020)",
            "iob-090020|iob-090013|ssl library|ssl routines|certificate verify failed|handshake",
            "iob-0900", "ssl ", "certificate verify failed", "handshake"),
    ACCOUNT_LOCKED("operator locked out after repeated failed logons",
            "\\blocked\\b|\\bbanned\\b|too many (failed|unsuccessful)|max_unsuccess", "locked", "banned", "too many ",
            "max_unsuccess"),
    CONNECTION_REFUSED("execution server unreachable (connection refused / HTTP relay error)",
            "iob-090007|connection refused|web-530007|error relaying|communication error with server",
            "iob-090007", "connection refused", "web-530007", "error relaying", "communication error with server");

    private final String description;
    private final AnchoredPattern pattern;

    NeighbourError(String description, String regex, String... literals) {
        this.description = description;
        // Every match of the regex begins with one of the literals (kept in step with it).
        this.pattern = new AnchoredPattern(regex, literals);
    }

    public String description() {
        return description;
    }

    AnchoredPattern pattern() {
        return pattern;
    }
}
