package nl.govroam.server.proxy;

import io.netty.channel.EventLoopGroup;
import nl.govroam.server.config.PeerConfig;

/** Opens the transport a peer's config asks for. */
final class PeerTransports {
    private PeerTransports() {
    }

    static PeerTransport open(EventLoopGroup group, PeerConfig config) throws InterruptedException {
        return switch (config.transport()) {
            case UDP -> new UdpPeerTransport(group, config, config.port());
            case RADSEC -> new RadSecPeerTransport(group, config);
        };
    }

    /** Where Accounting-Requests go: over RadSec the same connections, over UDP sockets to the accounting port. */
    static PeerTransport openAccounting(EventLoopGroup group, PeerConfig config, PeerTransport auth)
            throws InterruptedException {
        return switch (config.transport()) {
            case UDP -> new UdpPeerTransport(group, config, config.accountingPort());
            case RADSEC -> auth;
        };
    }
}
