package nl.govroam.server.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.CompletableFuture;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.config.PeerConfig;

/**
 * RadSec (RFC 6614) to one peer over up to {@code sockets} TLS connections, each with its own 256 Identifiers, so far
 * more than 255 requests can be in flight (radsecproxy#113). A request goes to the least busy open connection with a
 * free Identifier; another connection is opened only when all are full, or when one has closed. A failed connect
 * fails the request, so the pool fails over and the peer's health counts it (freeradius-server#2284).
 */
final class RadSecPeerTransport implements PeerTransport {
    private final EventLoopGroup group;
    private final PeerConfig config;
    private final SslContext tls;
    private final RadSecConnection[] connections;
    private boolean closed;

    RadSecPeerTransport(EventLoopGroup group, PeerConfig config) {
        this.group = group;
        this.config = config;
        this.tls = TlsContexts.client(config.tls().orElseThrow());
        this.connections = new RadSecConnection[config.sockets()];
    }

    @Override
    public CompletableFuture<PeerAnswer> send(PacketCode code, RequestEncoder encoder, boolean retransmit) {
        CompletableFuture<PeerAnswer> future = new CompletableFuture<>();
        RadSecConnection connection = reserve();
        if (connection == null) {
            future.completeExceptionally(new PeerTimeoutException(closed ? "closed" : connections.length + " connections with "
                    + RadSecConnection.IDENTIFIERS + " requests outstanding each"));
        } else {
            connection.send(code, encoder, future);
        }
        return future;
    }

    /** A connection with one Identifier reserved for the caller, or null when every connection is full. */
    private synchronized RadSecConnection reserve() {
        if (closed) {
            return null;
        }
        int free = -1;
        RadSecConnection best = null;
        for (int i = 0; i < connections.length; i++) {
            RadSecConnection c = connections[i];
            if (c == null || !c.usable()) {
                free = free < 0 ? i : free;
            } else if (c.load() < RadSecConnection.IDENTIFIERS && (best == null || c.load() < best.load())) {
                best = c;
            }
        }
        if (best != null && best.tryReserve()) {
            return best;
        }
        if (free < 0) {
            return null;
        }
        RadSecConnection opened = RadSecConnection.open(group, config, tls);
        connections[free] = opened;
        return opened.tryReserve() ? opened : null;
    }

    /** How many connections are open or opening (tests, status). */
    synchronized int openConnections() {
        int open = 0;
        for (RadSecConnection c : connections) {
            if (c != null && c.usable()) {
                open++;
            }
        }
        return open;
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (RadSecConnection c : connections) {
            if (c != null) {
                c.close();
            }
        }
    }
}
