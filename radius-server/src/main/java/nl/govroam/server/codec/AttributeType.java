package nl.govroam.server.codec;

/**
 * The RADIUS attribute types this server reads or writes, by their RFC numbers.
 * A value class rather than an enum: unknown types pass through untouched.
 */
public final class AttributeType {
    /** RFC 2865 5.1. */
    public static final int USER_NAME = 1;
    /** RFC 2865 5.2: hidden with the shared secret and the Request Authenticator. */
    public static final int USER_PASSWORD = 2;
    /** RFC 2865 5.3. */
    public static final int CHAP_PASSWORD = 3;
    public static final int NAS_IP_ADDRESS = 4;
    public static final int NAS_PORT = 5;
    public static final int SERVICE_TYPE = 6;
    public static final int FRAMED_IP_ADDRESS = 8;
    public static final int FILTER_ID = 11;
    /** RFC 2865 5.12; with EAP it bounds the EAP packet size (RFC 3579 2.4). */
    public static final int FRAMED_MTU = 12;
    public static final int REPLY_MESSAGE = 18;
    /** RFC 2865 5.24. */
    public static final int STATE = 24;
    public static final int CLASS = 25;
    public static final int VENDOR_SPECIFIC = 26;
    public static final int SESSION_TIMEOUT = 27;
    public static final int CALLED_STATION_ID = 30;
    public static final int CALLING_STATION_ID = 31;
    public static final int NAS_IDENTIFIER = 32;
    /** RFC 2865 5.33: echoed unmodified, in order, in the reply. */
    public static final int PROXY_STATE = 33;
    public static final int ACCT_STATUS_TYPE = 40;
    public static final int ACCT_DELAY_TIME = 41;
    public static final int ACCT_INPUT_OCTETS = 42;
    public static final int ACCT_OUTPUT_OCTETS = 43;
    public static final int ACCT_SESSION_ID = 44;
    public static final int ACCT_SESSION_TIME = 46;
    public static final int ACCT_INPUT_PACKETS = 47;
    public static final int ACCT_OUTPUT_PACKETS = 48;
    public static final int ACCT_TERMINATE_CAUSE = 49;
    public static final int EVENT_TIMESTAMP = 55;
    public static final int CHAP_CHALLENGE = 60;
    public static final int NAS_PORT_TYPE = 61;
    /** RFC 2868 3.1. */
    public static final int TUNNEL_TYPE = 64;
    /** RFC 2868 3.2. */
    public static final int TUNNEL_MEDIUM_TYPE = 65;
    /** RFC 3579 3.1. */
    public static final int EAP_MESSAGE = 79;
    /** RFC 3579 3.2 / RFC 2869 5.14. */
    public static final int MESSAGE_AUTHENTICATOR = 80;
    /** RFC 2868 3.6. */
    public static final int TUNNEL_PRIVATE_GROUP_ID = 81;
    public static final int NAS_PORT_ID = 87;
    /** RFC 4372. */
    public static final int CHARGEABLE_USER_IDENTITY = 89;
    /** RFC 5580 4.1. */
    public static final int OPERATOR_NAME = 126;

    /** Tunnel-Type value VLAN (RFC 3580 3.31). */
    public static final int TUNNEL_TYPE_VLAN = 13;
    /** Tunnel-Medium-Type value IEEE-802 (RFC 3580 3.31). */
    public static final int TUNNEL_MEDIUM_IEEE_802 = 6;

    private AttributeType() {
    }
}
