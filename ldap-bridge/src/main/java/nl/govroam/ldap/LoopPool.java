package nl.govroam.ldap;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The connections to one server on one event loop, of one kind: at most {@code maxConnections}, each carrying at
 * most {@code perConnection} leases at a time (1 for user binds, which must be alone on their connection per
 * RFC 4511 section 4.2.1; more for pipelined searches). Connections are opened lazily and a closed one is replaced
 * on the next demand. Callers beyond the capacity wait FIFO; one not served within {@code maxWait} gets
 * {@link ServerCallFailure.Kind#BUSY}, unless a connection is still being opened for it (the connect and bind have
 * their own timeouts). One timer at a time watches the waiters (the oldest one's deadline comes first), not one per
 * waiter. Runs on its event loop only, so it needs no locks.
 */
final class LoopPool {
    private final String description;
    private final EventLoop loop;
    private final int maxConnections;
    private final int perConnection;
    private final long maxWaitNanos;
    private final Function<EventLoop, CompletableFuture<LdapChannel>> opener;
    private final List<Slot> connections = new ArrayList<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    /** Whether a timer is set for the oldest waiter's deadline. */
    private boolean watching;
    private int opening;
    private boolean closed;

    private static final class Slot {
        final LdapChannel connection;
        int leases;

        Slot(LdapChannel connection) {
            this.connection = connection;
        }
    }

    private record Waiter(CompletableFuture<Lease> lease, long deadline) {
    }

    LoopPool(String description, EventLoop loop, int maxConnections, int perConnection, Duration maxWait,
            Function<EventLoop, CompletableFuture<LdapChannel>> opener) {
        this.description = description;
        this.loop = loop;
        this.maxConnections = maxConnections;
        this.perConnection = perConnection;
        this.maxWaitNanos = maxWait.toNanos();
        this.opener = opener;
    }

    /** A share of a connection; release it when done. Call on the pool's loop. */
    CompletableFuture<Lease> acquire() {
        if (closed) {
            return CompletableFuture.failedFuture(new ServerCallFailure(ServerCallFailure.Kind.BUSY, description + ": closed"));
        }
        if (waiters.isEmpty()) {
            Slot free = freeSlot();
            if (free != null) {
                free.leases++;
                return CompletableFuture.completedFuture(new Lease(free));
            }
        }
        Waiter waiter = new Waiter(new CompletableFuture<>(), System.nanoTime() + maxWaitNanos);
        waiters.add(waiter);
        dispatch();
        watchDeadlines();
        return waiter.lease();
    }

    /** The least used connection that can take one more lease. */
    private Slot freeSlot() {
        Slot best = null;
        for (Slot slot : connections) {
            if (slot.leases < perConnection && slot.connection.isUsable()
                    && (best == null || slot.leases < best.leases)) {
                best = slot;
            }
        }
        return best;
    }

    private void dispatch() {
        while (!waiters.isEmpty()) {
            Slot free = freeSlot();
            if (free == null) {
                break;
            }
            free.leases++;
            waiters.poll().lease().complete(new Lease(free));
        }
        if (!closed && waiters.size() > opening * perConnection && connections.size() + opening < maxConnections) {
            open();
        }
    }

    private void open() {
        opening++;
        opener.apply(loop).whenComplete((connection, error) -> {
            opening--;
            if (error != null) {
                if (connections.isEmpty()) {
                    failWaiters(error);
                }
            } else if (closed) {
                connection.close();
            } else {
                Slot slot = new Slot(connection);
                connections.add(slot);
                connection.closeFuture().addListener(gone -> forget(slot));
            }
            dispatch();
            expire();
            watchDeadlines();
        });
    }

    private void forget(Slot slot) {
        connections.remove(slot);
        dispatch();
    }

    private void failWaiters(Throwable error) {
        List<Waiter> failed = new ArrayList<>(waiters);
        waiters.clear();
        failed.forEach(waiter -> waiter.lease().completeExceptionally(error));
    }

    /**
     * Sets the timer for the oldest waiter's deadline unless one is set, or a connection being opened will look at
     * the deadlines when it is done. Waiters all wait {@code maxWait}, so the oldest one's deadline is the next.
     */
    private void watchDeadlines() {
        if (watching || opening > 0 || waiters.isEmpty()) {
            return;
        }
        watching = true;
        long delay = Math.max(0, waiters.peek().deadline() - System.nanoTime());
        loop.schedule(() -> {
            watching = false;
            expire();
            watchDeadlines();
        }, delay, TimeUnit.NANOSECONDS);
    }

    /** Answers BUSY to waiters past their deadline, once no connection is being opened that might serve them. */
    private void expire() {
        if (opening > 0) {
            return;
        }
        long now = System.nanoTime();
        while (!waiters.isEmpty() && now - waiters.peek().deadline() >= 0) {
            waiters.poll().lease().completeExceptionally(new ServerCallFailure(ServerCallFailure.Kind.BUSY,
                    description + ": no free connection within " + TimeUnit.NANOSECONDS.toMillis(maxWaitNanos) + " ms"));
        }
    }

    /** Closes the connections nobody uses (after the server was found down, they are stale). Call on the loop. */
    void closeIdle() {
        for (Slot slot : List.copyOf(connections)) {
            if (slot.leases == 0) {
                slot.connection.close();
            }
        }
    }

    /** Closes every connection; pending operations on them fail, waiters get BUSY. Call on the loop. */
    void close() {
        closed = true;
        failWaiters(new ServerCallFailure(ServerCallFailure.Kind.BUSY, description + ": closed"));
        List.copyOf(connections).forEach(slot -> slot.connection.close());
    }

    /** One share of a connection. */
    final class Lease {
        private final Slot slot;
        private boolean released;

        private Lease(Slot slot) {
            this.slot = slot;
        }

        LdapChannel connection() {
            return slot.connection;
        }

        /** The connection gave an answer we cannot trust it after: close it rather than reuse it. */
        void broken() {
            slot.connection.close();
        }

        void release() {
            if (!released) {
                released = true;
                slot.leases--;
                dispatch();
            }
        }
    }
}
