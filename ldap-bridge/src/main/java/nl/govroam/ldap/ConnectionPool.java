package nl.govroam.ldap;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.directory.ldap.client.api.LdapConnection;

/**
 * A small bounded pool of connections to one server: at most {@code size} in use, a borrower waits at most
 * {@code maxWait} for a turn. A connection that failed is discarded, never returned.
 *
 * <p>Our own rather than {@code LdapConnectionPool}: that pool re-binds the service account on the next borrow
 * after a user bind, and its wait is unbounded by default. Two instances per server keep searches (service
 * account) and user binds apart.
 */
final class ConnectionPool implements AutoCloseable {

    /** Makes a new connection; a failure is the server's. */
    @FunctionalInterface
    interface Opener {
        LdapConnection open() throws ServerCallFailure;
    }

    private final String description;
    private final Semaphore permits;
    private final Duration maxWait;
    private final Opener opener;
    private final Deque<LdapConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    ConnectionPool(String description, int size, Duration maxWait, Opener opener) {
        this.description = description;
        this.permits = new Semaphore(size, true);
        this.maxWait = maxWait;
        this.opener = opener;
    }

    /** A connection for one piece of work; close the lease to give it back. */
    Lease borrow() throws ServerCallFailure {
        if (closed) {
            throw new ServerCallFailure(ServerCallFailure.Kind.BUSY, description + ": closed");
        }
        try {
            if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ServerCallFailure(ServerCallFailure.Kind.BUSY,
                        description + ": no free connection within " + maxWait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerCallFailure(ServerCallFailure.Kind.BUSY, description + ": interrupted");
        }
        try {
            return new Lease(idleOrNew());
        } catch (ServerCallFailure | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private LdapConnection idleOrNew() throws ServerCallFailure {
        for (LdapConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            if (connection.isConnected()) {
                return connection;
            }
            ConnectionOpener.closeQuietly(connection);
        }
        return opener.open();
    }

    /** Closes the connections nobody uses (after the server was found down, they are stale). */
    void closeIdle() {
        for (LdapConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            ConnectionOpener.closeQuietly(connection);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdle();
    }

    /** One borrowed connection. Mark it {@link #broken()} when a call on it failed, so it is closed, not reused. */
    final class Lease implements AutoCloseable {
        private final LdapConnection connection;
        private boolean broken;

        private Lease(LdapConnection connection) {
            this.connection = connection;
        }

        LdapConnection connection() {
            return connection;
        }

        void broken() {
            broken = true;
        }

        @Override
        public void close() {
            if (broken || closed || !connection.isConnected()) {
                ConnectionOpener.closeQuietly(connection);
            } else {
                idle.offerFirst(connection);
            }
            permits.release();
            if (closed) {
                closeIdle();
            }
        }
    }
}
