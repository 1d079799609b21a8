package nl.govroam.server.eap.tls;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.bouncycastle.tls.TlsSession;

/**
 * TLS 1.2 sessions that may be resumed (RFC 5246 7.3), keyed by session ID, each with the
 * {@link CachedAuthorization} of the EAP authentication that made it. A session is put here only after its whole
 * EAP method succeeded. Bounded: at most {@code max} sessions, each for {@code lifetime} after the full
 * authentication (a resumption does not extend it); beyond the bound the oldest is evicted. All counted.
 * Thread-safe. The sessions hold master secrets: nothing here is ever logged.
 */
public final class SessionCache {
    /** Session IDs are 32 random octets (RFC 5246 7.4.1.3 allows up to 32). */
    static final int SESSION_ID_LENGTH = 32;

    private final int max;
    private final long lifetimeNanos;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    /** Insertion order is storage order: the head is the oldest. */
    private final LinkedHashMap<String, Entry> sessions = new LinkedHashMap<>();
    private final LongAdder stored = new LongAdder();
    private final LongAdder resumed = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder evicted = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** A cached session with what its authentication left. */
    record Entry(TlsSession session, CachedAuthorization authorization, long storedAt) {
        @Override
        public String toString() {
            return "Entry[" + authorization.method() + ", <session redacted>]";
        }
    }

    public SessionCache(int max, Duration lifetime) {
        this(max, lifetime, System::nanoTime);
    }

    SessionCache(int max, Duration lifetime, LongSupplier clock) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.lifetimeNanos = lifetime.toNanos();
        this.clock = clock;
    }

    /** A fresh session ID for a full handshake. */
    byte[] newSessionId() {
        byte[] id = new byte[SESSION_ID_LENGTH];
        random.nextBytes(id);
        return id;
    }

    /** Keeps a resumable session of a successful authentication. */
    void put(TlsSession session, CachedAuthorization authorization) {
        byte[] id = session.getSessionID();
        if (id == null || id.length == 0 || !session.isResumable()) {
            return;
        }
        long now = clock.getAsLong();
        synchronized (sessions) {
            removeExpired(now);
            while (sessions.size() >= max) {
                Iterator<Entry> oldest = sessions.values().iterator();
                oldest.next().session().invalidate();
                oldest.remove();
                evicted.increment();
            }
            sessions.put(key(id), new Entry(session, authorization, now));
        }
        stored.increment();
    }

    /** The live, resumable entry for a session ID a client offered; empty when unknown, expired or invalidated. */
    Optional<Entry> find(byte[] sessionId) {
        if (sessionId == null || sessionId.length == 0) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        synchronized (sessions) {
            removeExpired(now);
            Entry entry = sessions.get(key(sessionId));
            if (entry != null && !entry.session().isResumable()) {
                sessions.remove(key(sessionId));
                return Optional.empty();
            }
            return Optional.ofNullable(entry);
        }
    }

    /** A handshake resumed a cached session. */
    void countResumed() {
        resumed.increment();
    }

    /** The account check of a resumption refused: the session is dropped so it is never offered again. */
    void refuse(byte[] sessionId) {
        synchronized (sessions) {
            Entry entry = sessions.remove(key(sessionId));
            if (entry != null) {
                entry.session().invalidate();
            }
        }
        refused.increment();
    }

    private void removeExpired(long now) {
        Iterator<Entry> it = sessions.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (now - e.storedAt() <= lifetimeNanos) {
                return;
            }
            e.session().invalidate();
            it.remove();
            expired.increment();
        }
    }

    /** Sessions kept now (expired ones not yet swept included). */
    public int size() {
        synchronized (sessions) {
            return sessions.size();
        }
    }

    /** Counters for metrics: live, stored, resumed, expired, evicted, refused (account check on resumption). */
    public Map<String, Long> counters() {
        Map<String, Long> out = new HashMap<>();
        out.put("live", (long) size());
        out.put("stored", stored.sum());
        out.put("resumed", resumed.sum());
        out.put("expired", expired.sum());
        out.put("evicted", evicted.sum());
        out.put("refused", refused.sum());
        return out;
    }

    private static String key(byte[] sessionId) {
        return HexFormat.of().formatHex(sessionId);
    }
}
