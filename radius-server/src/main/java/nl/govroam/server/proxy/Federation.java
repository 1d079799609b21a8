package nl.govroam.server.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.config.FederationConfig;
import nl.govroam.server.config.PeerConfig;
import nl.govroam.server.config.PoolConfig;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.InboundRequest;

/**
 * The federation side of the server: the peers (their sockets or TLS connections, their health and Status-Server
 * probing) and pools of one config, and the forwarding of requests to them. {@link #update} takes a reloaded config:
 * a peer whose settings did not change is kept with its health and sockets; a changed or removed one is closed once
 * the requests that may still use it are done. Closing stops probing and closes the sockets.
 *
 * <p>Forwarding never blocks: {@link #forwardAsync} and {@link #forwardAccountingAsync} may be called on an event loop
 * (also one of the federation's own group, as when the server shares its I/O group) and complete on the peer
 * transport's event loop.
 */
public final class Federation implements AutoCloseable {
    /** The peers, pools and forwarder of one config; replaced whole by a reload. */
    private record Topology(Map<String, Peer> peers, Map<String, PeerPool> pools, ProxyForwarder forwarder,
                            AccountingForwarder accounting) {
    }

    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final Loops loops;
    private volatile Topology topology;

    private Federation(EventLoopGroup group, boolean ownsGroup) {
        this.group = group;
        this.ownsGroup = ownsGroup;
        this.loops = new Loops(group);
    }

    /**
     * Opens the sockets to every peer and starts probing, on an event loop group of its own that {@link #close} shuts
     * down.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws RuntimeException when a socket cannot be opened or a TLS file cannot be read
     */
    public static Federation start(FederationConfig config) throws InterruptedException {
        Federation federation = new Federation(new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory()), true);
        try {
            federation.topology = federation.build(config, Map.of(), Map.of());
            return federation;
        } catch (InterruptedException | RuntimeException e) {
            federation.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Opens the sockets to every peer and starts probing on {@code group}, which the caller owns: {@link #close} closes
     * the peers and leaves the group running. Binding waits for the sockets, unless called on one of the group's
     * loops: then they bind in the background and a socket that cannot be bound fails its requests.
     *
     * @throws InterruptedException if interrupted while binding
     * @throws RuntimeException when a socket cannot be opened or a TLS file cannot be read
     */
    public static Federation start(FederationConfig config, EventLoopGroup group) throws InterruptedException {
        Federation federation = new Federation(group, false);
        federation.topology = federation.build(config, Map.of(), Map.of());
        return federation;
    }

    /**
     * Peers from {@code kept} whose config is unchanged are reused; every other peer is opened and probed. A pool
     * whose config and peers are unchanged is reused too, so EAP conversations stay on their peer across a reload.
     */
    private Topology build(FederationConfig config, Map<String, Peer> kept, Map<String, PeerPool> keptPools)
            throws InterruptedException {
        Map<String, Peer> peers = new LinkedHashMap<>();
        List<Peer> opened = new ArrayList<>();
        try {
            for (PeerConfig pc : config.peers()) {
                Peer old = kept.get(pc.name());
                if (old != null && old.config().equals(pc)) {
                    peers.put(pc.name(), old);
                    continue;
                }
                PeerTransport transport = PeerTransports.open(loops, pc);
                Peer peer = new Peer(pc, transport, () -> PeerTransports.openAccounting(loops, pc, transport));
                opened.add(peer);
                peers.put(pc.name(), peer);
            }
        } catch (InterruptedException | RuntimeException e) {
            opened.forEach(Peer::close);
            throw e;
        }
        opened.forEach(p -> StatusProber.start(group, p));
        Map<String, PeerPool> pools = new LinkedHashMap<>();
        for (PoolConfig pool : config.pools()) {
            List<Peer> members = pool.peers().stream().map(peers::get).toList();
            PeerPool old = keptPools.get(pool.name());
            boolean same = old != null && old.config().equals(pool) && old.peers().equals(members);
            pools.put(pool.name(), same ? old : new PeerPool(pool, members));
        }
        return new Topology(peers, pools, new ProxyForwarder(config, pools, loops),
                new AccountingForwarder(config, pools, loops));
    }

    /**
     * Serves a reloaded config from now on. Requests already being forwarded finish on the peers they started with;
     * peers no longer in use are closed after the longest response window, with margin (on an event loop, without
     * waiting). New peers' sockets are bound as in {@link #start(FederationConfig, EventLoopGroup)}: waited for on a
     * reload's own thread, in the background on an event loop.
     *
     * @return what changed, for the reload's notes (empty when nothing did)
     * @throws InterruptedException if interrupted while binding
     * @throws RuntimeException when a new peer's socket or TLS files cannot be opened (the old topology stays)
     */
    public synchronized List<String> update(FederationConfig next) throws InterruptedException {
        Topology old = topology;
        Topology fresh = build(next, old.peers(), old.pools());
        topology = fresh;
        List<String> notes = new ArrayList<>();
        List<Peer> retired = new ArrayList<>();
        Duration longest = Duration.ZERO;
        for (Peer p : old.peers().values()) {
            if (fresh.peers().get(p.name()) != p) {
                retired.add(p);
                longest = longest.compareTo(p.config().responseWindow()) < 0 ? p.config().responseWindow() : longest;
            }
        }
        long added = fresh.peers().values().stream().filter(p -> old.peers().get(p.name()) != p).count();
        if (!retired.isEmpty() || added > 0) {
            notes.add("federation peers: " + added + " opened, " + retired.size() + " closing, "
                    + (fresh.peers().size() - added) + " kept with their state");
        }
        if (!Objects.equals(poolConfigs(old), poolConfigs(fresh))) {
            notes.add("federation pools rebuilt");
        }
        long graceMillis = longest.toMillis() * 2 + 1000;
        group.schedule(() -> retired.forEach(Peer::close), graceMillis, TimeUnit.MILLISECONDS);
        return notes;
    }

    private static List<String> poolConfigs(Topology t) {
        return t.pools().values().stream().map(p -> p.name() + "=" + p.peers().stream().map(Peer::name).toList()).toList();
    }

    /**
     * Proxies one Access-Request without blocking: fails over peer after peer and completes, never exceptionally, with
     * the filtered reply or a refusal and its reason. It completes on the event loop of the peer transport that ended
     * the chain (or at once, on the caller's thread, when refused before anything was sent).
     */
    public CompletionStage<ProxyOutcome> forwardAsync(InboundRequest request, Route.Proxy route) {
        return topology.forwarder().forward(request, route);
    }

    /**
     * Forwards an Accounting-Request of a foreign realm to the route's pool ({@code federation.forward-accounting})
     * without blocking; completes as {@link #forwardAsync} does.
     */
    public CompletionStage<ProxyOutcome> forwardAccountingAsync(InboundRequest request, Route.Proxy route) {
        return topology.accounting().forward(request, route);
    }

    /**
     * {@link #forwardAsync}, waited for: for blocking callers only (a virtual thread). Waits at most the pool's
     * response windows plus grace.
     *
     * @throws IllegalStateException on one of the federation's event loops, where the wait would wait for itself
     */
    public ProxyOutcome forward(InboundRequest request, Route.Proxy route) {
        refuseOnLoop();
        return forwardAsync(request, route).toCompletableFuture().join();
    }

    /** {@link #forwardAccountingAsync}, waited for: for blocking callers only, as {@link #forward}. */
    public ProxyOutcome forwardAccounting(InboundRequest request, Route.Proxy route) {
        refuseOnLoop();
        return forwardAccountingAsync(request, route).toCompletableFuture().join();
    }

    private void refuseOnLoop() {
        if (loops.onLoop()) {
            throw new IllegalStateException("blocking forward called on an event loop; use forwardAsync");
        }
    }

    /** The health of each peer by name, in config order, for status output, metrics and tests. */
    public Map<String, PeerState> peerStates() {
        Map<String, PeerState> states = new LinkedHashMap<>();
        long now = System.nanoTime();
        topology.peers().values().forEach(p -> states.put(p.name(), p.health().state(now)));
        return states;
    }

    /** Closes the peers; shuts the event loop group down (and waits for it) only when it is our own. */
    @Override
    public synchronized void close() {
        topology.peers().values().forEach(Peer::close);
        if (ownsGroup) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
