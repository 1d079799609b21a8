package nl.govroam.server.proxy.radsec;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests the RadSec listener works on at once, across its connections (the server's {@code in-flight-limit}):
 * beyond it new requests are dropped and counted, as on the UDP listeners (load shedding, never an unbounded queue).
 * The drop is logged at most once per ten seconds, with the count since.
 */
final class InFlightLimit {
    private static final Logger LOG = LoggerFactory.getLogger(InFlightLimit.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final Semaphore permits;
    private final int limit;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private final AtomicLong lastLogNanos = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

    InFlightLimit(int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit);
    }

    boolean tryAcquire(String client) {
        if (permits.tryAcquire()) {
            return true;
        }
        dropped.incrementAndGet();
        long since = droppedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = lastLogNanos.get();
        if (now - last >= LOG_EVERY_NANOS && lastLogNanos.compareAndSet(last, now)) {
            droppedSinceLog.addAndGet(-since);
            LOG.warn("RadSec: dropped {} request(s), latest from client {}: in-flight limit of {} reached", since,
                    client, limit);
        }
        return false;
    }

    void release() {
        permits.release();
    }

    /** Requests dropped since start. */
    long dropped() {
        return dropped.get();
    }
}
