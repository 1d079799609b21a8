package nl.govroam.server.proxy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import nl.govroam.server.config.PoolBalance;
import nl.govroam.server.config.PoolConfig;

/**
 * Picks the peer for a request (federation-rules.md 8): an alive peer (fail-over: the first in order; load-balance:
 * the next in turn), else a zombie, never a dead one. An EAP conversation stays on the peer that sent its
 * Access-Challenge: the reply's State is remembered for a while and the next request with that State goes there.
 */
final class PeerPool {
    private static final int STICKY_MAX = 100_000;
    private static final long STICKY_NANOS = 120_000_000_000L;

    private record Sticky(Peer peer, long until) {
    }

    private final PoolConfig config;
    private final List<Peer> peers;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<String, Sticky> sticky = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sticky> eldest) {
            return size() > STICKY_MAX;
        }
    };

    PeerPool(PoolConfig config, List<Peer> peers) {
        this.config = config;
        this.peers = List.copyOf(peers);
    }

    String name() {
        return config.name();
    }

    PoolConfig config() {
        return config;
    }

    List<Peer> peers() {
        return peers;
    }

    Optional<Peer> select(Optional<byte[]> state, Set<Peer> tried, long now) {
        if (state.isPresent()) {
            Sticky s;
            synchronized (sticky) {
                s = sticky.get(key(state.get()));
            }
            if (s != null && s.until() > now && !tried.contains(s.peer())
                    && s.peer().health().state(now) != PeerState.DEAD) {
                return Optional.of(s.peer());
            }
        }
        List<Peer> alive = new ArrayList<>();
        Peer zombie = null;
        for (Peer p : peers) {
            if (tried.contains(p)) {
                continue;
            }
            PeerState st = p.health().state(now);
            if (st == PeerState.ALIVE) {
                alive.add(p);
            } else if (st == PeerState.ZOMBIE && zombie == null) {
                zombie = p;
            }
        }
        if (!alive.isEmpty()) {
            int index = config.balance() == PoolBalance.LOAD_BALANCE ? Math.floorMod(turn.getAndIncrement(), alive.size()) : 0;
            return Optional.of(alive.get(index));
        }
        return Optional.ofNullable(zombie);
    }

    /** Keeps the next request of this EAP conversation (the same State) on {@code peer}. */
    void stick(byte[] state, Peer peer, long now) {
        synchronized (sticky) {
            sticky.put(key(state), new Sticky(peer, now + STICKY_NANOS));
        }
    }

    private static String key(byte[] state) {
        return java.util.HexFormat.of().formatHex(state);
    }
}
