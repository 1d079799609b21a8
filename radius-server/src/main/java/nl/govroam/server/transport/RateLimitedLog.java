package nl.govroam.server.transport;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a line per key at most once per interval, saying how many were suppressed since: a flood of bad packets
 * costs one log line per interval, not one per packet.
 */
final class RateLimitedLog {
    private final Logger log;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitedLog(Logger log, long intervalMillis) {
        this.log = log;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    void warn(String key, String message) {
        if (allowed(key)) {
            log.warn("{}{}", message, suppressedNote(key));
        }
    }

    /** Logs an unexpected failure with its stack trace, at most once per interval. */
    void error(String key, String message, Throwable failure) {
        if (allowed(key)) {
            log.error("{}{}", message, suppressedNote(key), failure);
        }
    }

    private boolean allowed(String key) {
        if (windows.size() > 10_000) {
            windows.clear();
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        long now = System.nanoTime();
        long last = w.lastLogged.get();
        if ((last != 0 && now - last < intervalNanos) || !w.lastLogged.compareAndSet(last, now)) {
            w.suppressed.incrementAndGet();
            return false;
        }
        return true;
    }

    private String suppressedNote(String key) {
        Window w = windows.get(key);
        long suppressed = w == null ? 0 : w.suppressed.getAndSet(0);
        return suppressed > 0 ? " (" + suppressed + " more like it suppressed)" : "";
    }

    private static final class Window {
        final AtomicLong lastLogged = new AtomicLong();
        final AtomicLong suppressed = new AtomicLong();
    }
}
