package nl.govroam.ldap;

/** Why a directory said no. Each is logged as its own reason; a RADIUS client only ever sees Access-Reject. */
public enum RejectReason {
    /** No entry matched the user filter. */
    UNKNOWN_USER,
    /** More than one entry matched the user filter: never guess which one. */
    AMBIGUOUS_USER,
    /** The bind as the user failed (RFC 4511 invalidCredentials). */
    WRONG_PASSWORD,
    /** An empty password: refused before any bind, since an empty simple bind is an unauthenticated bind (RFC 4513 5.1.2). */
    EMPTY_PASSWORD,
    /** The account is in the disabled group or matches the disabled filter. */
    DISABLED,
    /** The directory requires a group the user is not in. */
    NOT_IN_REQUIRED_GROUP
}
