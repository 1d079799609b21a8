package nl.govroam.server.proxy;

import io.netty.channel.EventLoopGroup;
import java.util.concurrent.TimeUnit;

/**
 * Probes every peer that is not alive with Status-Server each check interval (RFC 5997; FreeRADIUS
 * {@code status_check}), feeding the answers to its health. Probing runs on the event loop and never blocks.
 */
final class StatusProber {
    private StatusProber() {
    }

    /** Probes {@code peer} every check interval until the peer is closed. */
    static void start(EventLoopGroup group, Peer peer) {
        long interval = peer.config().checkInterval().toNanos();
        peer.probing(group.next().scheduleAtFixedRate(() -> probe(peer), interval, interval, TimeUnit.NANOSECONDS));
    }

    static void probe(Peer peer) {
        if (peer.health().state(System.nanoTime()) == PeerState.ALIVE) {
            return;
        }
        peer.probe().whenComplete((answer, failure) -> {
            long now = System.nanoTime();
            if (failure == null) {
                peer.health().onProbeAnswer(now);
            } else {
                peer.health().onProbeTimeout(now);
            }
        });
    }
}
