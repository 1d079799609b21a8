package nl.govroam.server.proxy;

import nl.govroam.server.config.PeerConfig;

/** Opens the transport a peer's config asks for. */
final class PeerTransports {
    private PeerTransports() {
    }

    /** Waits for UDP sockets to bind (so a config error shows at once) unless called on one of the loops. */
    static PeerTransport open(Loops loops, PeerConfig config) throws InterruptedException {
        return switch (config.transport()) {
            case UDP -> new UdpPeerTransport(loops.group(), config, config.port(), !loops.onLoop());
            case RADSEC -> new RadSecPeerTransport(loops.group(), config);
        };
    }

    /**
     * Where Accounting-Requests go: over RadSec the same connections, over UDP sockets to the accounting port. Opened
     * on the first forwarded Accounting-Request, possibly on an event loop: the sockets bind in the background.
     */
    static PeerTransport openAccounting(Loops loops, PeerConfig config, PeerTransport auth)
            throws InterruptedException {
        return switch (config.transport()) {
            case UDP -> new UdpPeerTransport(loops.group(), config, config.accountingPort(), false);
            case RADSEC -> auth;
        };
    }
}
