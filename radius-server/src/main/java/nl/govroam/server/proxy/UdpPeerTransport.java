package nl.govroam.server.proxy;

import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.config.PeerConfig;

/**
 * RADIUS/UDP to one peer over several sockets, so far more than 255 requests can be in flight (each socket has its own
 * Identifier space; radsecproxy#113). A request goes to the least busy socket.
 */
final class UdpPeerTransport implements PeerTransport {
    private final List<UdpPeerSocket> sockets = new ArrayList<>();

    /**
     * @param port        the peer's authentication or accounting port
     * @param waitForBind see {@link UdpPeerSocket}
     */
    UdpPeerTransport(EventLoopGroup group, PeerConfig config, int port, boolean waitForBind)
            throws InterruptedException {
        InetSocketAddress peer = new InetSocketAddress(config.address(), port);
        try {
            for (int i = 0; i < config.sockets(); i++) {
                sockets.add(new UdpPeerSocket(group, peer, config.secret().bytes(),
                        config.responseWindow().toNanos(), config.retries(), config.requireMessageAuthenticator(),
                        waitForBind));
            }
        } catch (InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public CompletableFuture<PeerAnswer> send(PacketCode code, RequestEncoder encoder, boolean retransmit) {
        UdpPeerSocket least = sockets.get(0);
        for (UdpPeerSocket s : sockets) {
            if (s.load() < least.load()) {
                least = s;
            }
        }
        return least.send(code, encoder, retransmit);
    }

    @Override
    public void close() {
        sockets.forEach(UdpPeerSocket::close);
    }
}
