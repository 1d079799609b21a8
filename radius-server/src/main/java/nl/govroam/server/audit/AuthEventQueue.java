package nl.govroam.server.audit;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes decisions (auth log line, audit record, F-ticks) on one thread of its own, so a decision made on an event
 * loop costs a queue insert, not a log write. The writer drains in batches: after a batch it waits a moment for the
 * next rather than being woken for every event, and it is woken only from sleep, so a busy server pays no thread
 * hand-off per request. Nothing is dropped: when {@code capacity} events wait, the deciding thread writes its event
 * itself (backpressure: a log sink slower than the request rate slows the server down instead of losing records).
 * Closing writes everything still queued.
 */
public final class AuthEventQueue implements AuthEventListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuthEventQueue.class);
    /** How long the writer lets events gather after a batch: bounds how late a log line is under load. */
    private static final long BATCH_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AuthEventListener sink;
    private final int capacity;
    private final ConcurrentLinkedQueue<AuthEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread writer;
    private volatile boolean sleeping;
    private volatile boolean writing;
    private volatile boolean closed;

    public AuthEventQueue(AuthEventListener sink, int capacity) {
        this.sink = sink;
        this.capacity = capacity;
        this.writer = Thread.ofPlatform().name("auth-log-writer").daemon().start(this::drainLoop);
    }

    @Override
    public void onDecision(AuthEvent event) {
        if (closed || queued.get() >= capacity) {
            deliver(event);
            return;
        }
        queued.incrementAndGet();
        queue.offer(event);
        if (sleeping) {
            LockSupport.unpark(writer);
        }
    }

    private void drainLoop() {
        while (true) {
            writing = true;
            int written = drain();
            writing = false;
            if (closed && queue.isEmpty()) {
                return;
            }
            if (written > 0) {
                LockSupport.parkNanos(BATCH_PAUSE_NANOS);
                continue;
            }
            sleeping = true;
            if (queue.isEmpty() && !closed) {
                LockSupport.park(this);
            }
            sleeping = false;
        }
    }

    private int drain() {
        int written = 0;
        for (AuthEvent event = queue.poll(); event != null; event = queue.poll()) {
            queued.decrementAndGet();
            deliver(event);
            written++;
        }
        return written;
    }

    private void deliver(AuthEvent event) {
        try {
            sink.onDecision(event);
        } catch (RuntimeException e) {
            LOG.error("writing a decision for client {} failed: {}", event.client(), e.toString());
        }
    }

    /** How many decisions wait for their log lines now (a metric: one that keeps growing means a slow sink). */
    public int queued() {
        return queued.get();
    }

    /** Waits until every event offered so far is written, at most {@code timeout}; false if it was not. */
    public boolean awaitWritten(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queue.isEmpty() || writing) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.unpark(writer);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    /** Writes what is queued, then stops the writer; later events are written by the thread that decides them. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }
}
