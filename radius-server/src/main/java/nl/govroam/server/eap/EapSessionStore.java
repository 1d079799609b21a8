package nl.govroam.server.eap;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import nl.govroam.server.codec.RandomOctets;

/**
 * The EAP conversations between rounds, keyed by the RADIUS State we sent (RFC 2865 5.24; 16 octets from a CSPRNG,
 * a new one each round). Bounded: at most {@code max} conversations, each kept {@code idleTimeout} after its last
 * round; beyond the bound the oldest is evicted. A conversation is taken out while a request works on it, so two
 * requests never share one. Thread-safe; every operation is O(1) amortised.
 *
 * @param <S> the conversation type
 */
public final class EapSessionStore<S> {
    /** State attribute length: 16 random octets (128 bits). */
    public static final int STATE_LENGTH = 16;

    private final int max;
    private final long idleNanos;
    private final LongSupplier clock;
    /** Insertion order is last-use order, as each round re-inserts: the head is the oldest. */
    private final LinkedHashMap<StateKey, Entry<S>> sessions = new LinkedHashMap<>();
    private final LongAdder created = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder unknownState = new LongAdder();

    public EapSessionStore(int max, Duration idleTimeout) {
        this(max, idleTimeout, System::nanoTime);
    }

    EapSessionStore(int max, Duration idleTimeout, LongSupplier clock) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.idleNanos = idleTimeout.toNanos();
        this.clock = clock;
    }

    /** Keeps a conversation until its next round; returns the State to send with the challenge. */
    public byte[] put(S session, boolean isNew) {
        byte[] state = RandomOctets.of(STATE_LENGTH);
        long now = clock.getAsLong();
        synchronized (sessions) {
            removeExpired(now);
            while (sessions.size() >= max) {
                Iterator<Map.Entry<StateKey, Entry<S>>> oldest = sessions.entrySet().iterator();
                oldest.next();
                oldest.remove();
                evicted.increment();
            }
            sessions.put(new StateKey(state), new Entry<>(session, now));
        }
        if (isNew) {
            created.increment();
        }
        return state.clone();
    }

    /** Takes the conversation out for a round; empty when the State is unknown, expired or evicted. */
    public Optional<S> take(byte[] state) {
        long now = clock.getAsLong();
        Entry<S> entry;
        synchronized (sessions) {
            entry = sessions.remove(new StateKey(state));
            removeExpired(now);
        }
        if (entry == null || now - entry.lastUsed > idleNanos) {
            if (entry != null) {
                expired.increment();
            }
            unknownState.increment();
            return Optional.empty();
        }
        return Optional.of(entry.session);
    }

    private void removeExpired(long now) {
        Iterator<Entry<S>> it = sessions.values().iterator();
        while (it.hasNext()) {
            Entry<S> e = it.next();
            if (now - e.lastUsed <= idleNanos) {
                return;
            }
            it.remove();
            expired.increment();
        }
    }

    /** Conversations kept now. */
    public int size() {
        synchronized (sessions) {
            return sessions.size();
        }
    }

    /** Counters for metrics: created, expired, evicted for capacity, requests with an unknown State. */
    public Map<String, Long> counters() {
        Map<String, Long> out = new HashMap<>();
        out.put("created", created.sum());
        out.put("expired", expired.sum());
        out.put("evicted", evicted.sum());
        out.put("unknown-state", unknownState.sum());
        out.put("live", (long) size());
        return out;
    }

    private record Entry<S>(S session, long lastUsed) {
    }

    private record StateKey(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StateKey k && java.util.Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }
}
