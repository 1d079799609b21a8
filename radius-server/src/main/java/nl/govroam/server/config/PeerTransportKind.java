package nl.govroam.server.config;

/** How a peer is reached: RADIUS over UDP with a shared secret, or RadSec (RADIUS over TLS, RFC 6614). */
public enum PeerTransportKind {
    UDP(1812),
    RADSEC(2083);

    private final int defaultPort;

    PeerTransportKind(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
