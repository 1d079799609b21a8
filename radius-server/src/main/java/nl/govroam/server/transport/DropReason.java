package nl.govroam.server.transport;

/** Why a datagram got no answer. Each is counted and logged at a rate-limited level, never with a stack trace. */
public enum DropReason {
    UNKNOWN_CLIENT("unknown-client", "source address is not a configured client"),
    MALFORMED("malformed", "not a valid RADIUS packet"),
    WRONG_PORT("wrong-port", "packet code not taken on this port"),
    BAD_AUTHENTICATOR("bad-authenticator", "Request Authenticator or Message-Authenticator does not match the shared secret"),
    MISSING_MESSAGE_AUTHENTICATOR("missing-message-authenticator", "Message-Authenticator required but absent (BlastRADIUS)"),
    PROXY_STATE_WITHOUT_MESSAGE_AUTHENTICATOR("proxy-state-without-message-authenticator",
            "Proxy-State without Message-Authenticator (BlastRADIUS limit-proxy-state)"),
    DUPLICATE_IN_PROGRESS("duplicate-in-progress", "retransmission of a request still being worked on"),
    OVERLOAD("overload", "in-flight limit reached"),
    DIRECTORY_UNAVAILABLE("directory-unavailable", "directory unavailable; no reply so the NAS fails over"),
    ACCOUNTING_NOT_DURABLE("accounting-not-durable", "accounting record could not be written; no reply so the NAS retries"),
    INTERNAL_ERROR("internal-error", "processing failed unexpectedly");

    private final String code;
    private final String description;

    DropReason(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
