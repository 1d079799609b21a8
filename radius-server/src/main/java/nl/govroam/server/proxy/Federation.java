package nl.govroam.server.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.config.FederationConfig;
import nl.govroam.server.config.PeerConfig;
import nl.govroam.server.config.PoolConfig;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.InboundRequest;

/**
 * The federation side of the server: the peers (their sockets or TLS connections, their health and Status-Server
 * probing) and pools of one config, and the forwarding of requests to them. Closing stops probing and closes the
 * sockets; requests still waiting fail over to nothing and are refused.
 */
public final class Federation implements AutoCloseable {
    private final EventLoopGroup group;
    private final List<Peer> peers;
    private final Map<String, PeerPool> pools;
    private final ProxyForwarder forwarder;

    private Federation(EventLoopGroup group, List<Peer> peers, Map<String, PeerPool> pools, ProxyForwarder forwarder) {
        this.group = group;
        this.peers = peers;
        this.pools = pools;
        this.forwarder = forwarder;
    }

    /**
     * Opens the sockets to every peer and starts probing.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws RuntimeException when a socket cannot be opened or a TLS file cannot be read
     */
    public static Federation start(FederationConfig config) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        List<Peer> peers = new ArrayList<>();
        try {
            Map<String, Peer> byName = new LinkedHashMap<>();
            for (PeerConfig pc : config.peers()) {
                Peer peer = new Peer(pc, PeerTransports.open(group, pc));
                peers.add(peer);
                byName.put(pc.name(), peer);
            }
            Map<String, PeerPool> pools = new LinkedHashMap<>();
            for (PoolConfig pool : config.pools()) {
                pools.put(pool.name(), new PeerPool(pool, pool.peers().stream().map(byName::get).toList()));
            }
            StatusProber.start(group, peers);
            return new Federation(group, List.copyOf(peers), pools, new ProxyForwarder(config, pools));
        } catch (InterruptedException | RuntimeException e) {
            peers.forEach(Peer::close);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Proxies one Access-Request; blocks the calling (virtual) thread for at most the peers' response windows. */
    public ProxyOutcome forward(InboundRequest request, Route.Proxy route) {
        return forwarder.forward(request, route);
    }

    /** The health of each peer by name, for status output and tests. */
    public Map<String, PeerState> peerStates() {
        Map<String, PeerState> states = new LinkedHashMap<>();
        long now = System.nanoTime();
        peers.forEach(p -> states.put(p.name(), p.health().state(now)));
        return states;
    }

    @Override
    public void close() {
        peers.forEach(Peer::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
