package nl.govroam.server.eap;

/** EAP method types this server reads or writes (RFC 3748 5, IANA "Method Types"). */
public final class EapType {
    /** RFC 3748 5.1. */
    public static final int IDENTITY = 1;
    /** RFC 3748 5.2. */
    public static final int NOTIFICATION = 2;
    /** RFC 3748 5.3.1: Legacy Nak, only in responses. */
    public static final int NAK = 3;
    /** RFC 5216 / RFC 9190. */
    public static final int TLS = 13;
    /** RFC 5281. */
    public static final int TTLS = 21;
    /** draft-josefsson-pppext-eap-tls-eap (PEAP). */
    public static final int PEAP = 25;
    /** draft-kamath-pppext-eap-mschapv2. */
    public static final int MSCHAPV2 = 26;
    /** PEAP's EAP-TLV / Extensions method (draft-josefsson-pppext-eap-tls-eap 4.2). */
    public static final int EXTENSIONS = 33;

    private EapType() {
    }
}
