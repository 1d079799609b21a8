package nl.govroam.server.transport;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Duplicate detection (RFC 5080 2.2.2): requests keyed by client address and port, Identifier and our port. The same
 * key with the same Request Authenticator is a retransmission: silently discarded while in progress, answered from
 * the cached reply once answered. A new authenticator under the same key is a new request and replaces the entry.
 * Bounded: entries expire {@code window} after their answer (or after a stale bound while unanswered), and past
 * {@code maxEntries} new requests are simply not tracked.
 */
final class DuplicateCache {
    /** Identifies a request's slot. */
    record Key(InetSocketAddress sender, int identifier, int localPort) {
    }

    /** What a new arrival is. */
    sealed interface Lookup {
        record New(Entry entry) implements Lookup {
        }

        record InProgress() implements Lookup {
        }

        record Answered(byte[] reply) implements Lookup {
        }
    }

    static final class Entry {
        private final byte[] authenticator;
        private final long createdNanos;
        private volatile byte[] reply;
        private volatile long answeredNanos;

        private Entry(byte[] authenticator, long createdNanos) {
            this.authenticator = authenticator;
            this.createdNanos = createdNanos;
        }
    }

    private static final long STALE_IN_PROGRESS_NANOS = 120_000_000_000L;
    private static final Lookup.InProgress IN_PROGRESS = new Lookup.InProgress();

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final long windowNanos;
    private final int maxEntries;

    DuplicateCache(long windowNanos, int maxEntries) {
        this.windowNanos = windowNanos;
        this.maxEntries = maxEntries;
    }

    Lookup begin(Key key, byte[] authenticator, long now) {
        Entry existing = entries.get(key);
        if (existing != null && Arrays.equals(existing.authenticator, authenticator) && !expired(existing, now)) {
            byte[] reply = existing.reply;
            return reply == null ? IN_PROGRESS : new Lookup.Answered(reply);
        }
        Entry fresh = new Entry(authenticator, now);
        if (existing == null && entries.size() >= maxEntries) {
            evictExpired(now);
            if (entries.size() >= maxEntries) {
                return new Lookup.New(fresh);
            }
        }
        entries.put(key, fresh);
        return new Lookup.New(fresh);
    }

    /** Records the reply sent for a request, so retransmissions get the same octets. */
    void answered(Entry entry, byte[] reply, long now) {
        entry.answeredNanos = now;
        entry.reply = reply;
    }

    /** Forgets a request that got no reply (so a retransmission is worked on again). */
    void forget(Key key, Entry entry) {
        entries.remove(key, entry);
    }

    void evictExpired(long now) {
        entries.values().removeIf(e -> expired(e, now));
    }

    int size() {
        return entries.size();
    }

    private boolean expired(Entry e, long now) {
        return e.reply != null ? now - e.answeredNanos > windowNanos : now - e.createdNanos > STALE_IN_PROGRESS_NANOS;
    }
}
