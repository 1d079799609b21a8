package nl.govroam.server.codec;

/** Why a datagram is not a RADIUS packet we can read. Each is a drop counter and a log reason. */
public enum MalformedReason {
    /** Shorter than the 20-octet header (RFC 2865 3). */
    TOO_SHORT("too-short"),
    /** Longer than 4096 octets (RFC 2865 3). */
    TOO_LONG("too-long"),
    /** The Length field is under 20, over 4096, or more than the datagram holds (RFC 2865 3: silently discard). */
    BAD_LENGTH("bad-length"),
    /** A code this server does not take on this port. */
    UNKNOWN_CODE("unknown-code"),
    /** An attribute whose length is under 2 or runs past the packet's end. */
    BAD_ATTRIBUTE("bad-attribute");

    private final String code;

    MalformedReason(String code) {
        this.code = code;
    }

    /** A short stable name for logs and metrics. */
    public String code() {
        return code;
    }
}
