package nl.govroam.server.codec;

/** What a request's Message-Authenticator (RFC 3579 3.2, RFC 2869 5.14) says. */
public enum MessageAuthenticatorCheck {
    /** The request has none. */
    ABSENT,
    /** One Message-Authenticator of 16 octets, and it matches the shared secret. */
    VALID,
    /** Wrong value, wrong length or more than one: the sender does not know the secret, or the packet was altered. */
    INVALID
}
