package nl.govroam.server.eap;

import java.util.Optional;

/** The outer EAP methods this server offers; each runs TLS (Bouncy Castle) and, for PEAP and TTLS, an inner method. */
public enum EapMethod {
    PEAP(EapType.PEAP, "PEAP"),
    TTLS(EapType.TTLS, "EAP-TTLS"),
    TLS(EapType.TLS, "EAP-TLS");

    private final int type;
    private final String displayName;

    EapMethod(int type, String displayName) {
        this.type = type;
        this.displayName = displayName;
    }

    /** The EAP type number. */
    public int type() {
        return type;
    }

    /** As logged, e.g. {@code EAP-TTLS}. */
    public String displayName() {
        return displayName;
    }

    public static Optional<EapMethod> ofType(int type) {
        for (EapMethod m : values()) {
            if (m.type == type) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
