package nl.govroam.server.codec;

/** RADIUS packet codes (RFC 2865 section 3, RFC 2866, RFC 5997) that this server speaks. */
public enum PacketCode {
    ACCESS_REQUEST(1),
    ACCESS_ACCEPT(2),
    ACCESS_REJECT(3),
    ACCOUNTING_REQUEST(4),
    ACCOUNTING_RESPONSE(5),
    ACCESS_CHALLENGE(11),
    STATUS_SERVER(12);

    private static final PacketCode[] BY_VALUE = new PacketCode[256];

    static {
        for (PacketCode c : values()) {
            BY_VALUE[c.value] = c;
        }
    }

    private final int value;

    PacketCode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The code for a wire value, or null for a code this server does not handle. */
    public static PacketCode valueOf(int value) {
        return value >= 0 && value < 256 ? BY_VALUE[value] : null;
    }
}
