package nl.govroam.server.realm;

/**
 * Why a request is not routed. Each reason has a short, stable {@link #code()} for log lines and counters;
 * the sanity reasons follow eduroam realm sanity (federation-rules.md 2, FreeRADIUS {@code filter_username})
 * and the NAI syntax of RFC 7542. Every reason ends in an Access-Reject, never in silence (federation-rules.md 2).
 */
public enum RouteRejection {
    /** No User-Name, or an empty one. */
    NO_USER_NAME("no-user-name"),
    /** Longer than 253 octets of UTF-8: one RADIUS attribute (RFC 2865 5.1), the NAI bound of RFC 7542 2.2. */
    TOO_LONG("too-long"),
    /** A control character (Unicode Cc: NUL, DEL, C1 controls) anywhere; RFC 7542 2.2 excludes them. */
    CONTROL_CHARACTER("control-character"),
    /** Whitespace anywhere (eduroam realm sanity, federation-rules.md 2). */
    WHITESPACE("whitespace"),
    /** An unpaired surrogate or U+FFFD: the User-Name was not valid UTF-8 (RFC 7542 2.2). */
    INVALID_UTF8("invalid-utf8"),
    /** No {@code @}, hence no realm; this covers {@code host/...} machine names (federation-rules.md 2). */
    NO_REALM("no-realm"),
    /** Ends in {@code @}: {@code user@} (federation-rules.md 2). */
    EMPTY_REALM("empty-realm"),
    /** More than one {@code @} (federation-rules.md 2; decorated NAIs, RFC 7542 3.3.1, are not routed). */
    MULTIPLE_AT("multiple-at"),
    /** A realm without a dot, e.g. {@code user@nijmegen} (federation-rules.md 2). */
    REALM_NO_DOT("realm-no-dot"),
    /** A realm with {@code ..} (federation-rules.md 2; an empty label, RFC 7542 2.2). */
    REALM_DOUBLE_DOT("realm-double-dot"),
    /** A realm starting or ending with {@code .} (federation-rules.md 2). */
    REALM_EDGE_DOT("realm-edge-dot"),
    /**
     * A realm label that is not letters, digits and inner hyphens of 1 to 63 characters
     * (RFC 7542 2.2 {@code label}, after RFC 1035 2.3.1; non-ASCII letters allowed).
     */
    REALM_BAD_LABEL("realm-bad-label"),
    /** The realm is on the configured deny list, e.g. {@code *.3gppnetwork.org} (federation-rules.md 2). */
    DENIED_REALM("denied-realm"),
    /** A well-formed realm that none of our configured realms matches, and no proxying is configured. */
    NOT_LOCAL("not-local");

    private final String code;

    RouteRejection(String code) {
        this.code = code;
    }

    /** The short, stable name used in log lines and metrics, e.g. {@code multiple-at}. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
