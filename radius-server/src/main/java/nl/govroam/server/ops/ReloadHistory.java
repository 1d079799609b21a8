package nl.govroam.server.ops;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** How config reloads went: counts by result and the last one, for metrics and the log. Thread-safe. */
public final class ReloadHistory {

    /** One reload attempt. */
    public record Attempt(Instant time, boolean succeeded) {
    }

    private final LongAdder succeeded = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<Attempt> last = new AtomicReference<>();

    public void record(boolean ok) {
        (ok ? succeeded : failed).increment();
        last.set(new Attempt(Instant.now(), ok));
    }

    public long succeeded() {
        return succeeded.sum();
    }

    public long failed() {
        return failed.sum();
    }

    /** The last attempt, or null when there was none. */
    public Attempt last() {
        return last.get();
    }
}
