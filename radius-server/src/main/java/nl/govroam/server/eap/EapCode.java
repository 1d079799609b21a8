package nl.govroam.server.eap;

/** EAP packet codes (RFC 3748 4). */
public enum EapCode {
    REQUEST(1), RESPONSE(2), SUCCESS(3), FAILURE(4);

    private final int value;

    EapCode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The code for a wire value, or null. */
    public static EapCode valueOf(int value) {
        for (EapCode c : values()) {
            if (c.value == value) {
                return c;
            }
        }
        return null;
    }
}
