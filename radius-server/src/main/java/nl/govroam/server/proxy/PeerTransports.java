package nl.govroam.server.proxy;

import io.netty.channel.EventLoopGroup;
import nl.govroam.server.config.PeerConfig;

/** Opens the transport a peer's config asks for. */
final class PeerTransports {
    private PeerTransports() {
    }

    static PeerTransport open(EventLoopGroup group, PeerConfig config) throws InterruptedException {
        return switch (config.transport()) {
            case UDP -> new UdpPeerTransport(group, config);
            case RADSEC -> new RadSecPeerTransport(group, config);
        };
    }
}
