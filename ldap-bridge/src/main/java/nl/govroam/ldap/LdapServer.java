package nl.govroam.ldap;

import org.apache.directory.ldap.client.api.LdapConnection;

/**
 * One configured server of a directory: its circuit breaker and two bounded pools, one of connections bound as
 * the service account (searches) and one of connections used only for user binds.
 */
final class LdapServer implements AutoCloseable {
    private final ConnectionOpener opener;
    private final CircuitBreaker breaker;
    private final ConnectionPool searchPool;
    private final ConnectionPool bindPool;

    LdapServer(ConnectionOpener opener, CircuitBreaker breaker, DirectorySettings settings) {
        this.opener = opener;
        this.breaker = breaker;
        this.searchPool = new ConnectionPool(opener.url() + " search pool", settings.poolSize(), settings.poolMaxWait(),
                this::openAsService);
        this.bindPool = new ConnectionPool(opener.url() + " user-bind pool", settings.poolSize(),
                settings.poolMaxWait(), opener::openUnbound);
    }

    String url() {
        return opener.url();
    }

    ConnectionOpener opener() {
        return opener;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    ConnectionPool searchPool() {
        return searchPool;
    }

    ConnectionPool bindPool() {
        return bindPool;
    }

    /** The server did not answer: open the breaker and drop the idle connections, which are stale now. */
    void markDown(String reason) {
        breaker.open(reason);
        searchPool.closeIdle();
        bindPool.closeIdle();
    }

    /**
     * Tries to reach a down server: connect and bind as the service account, within the connect and operation
     * timeouts. A refused service bind still counts as reachable (requests then say why they fail).
     */
    void probe() {
        try {
            LdapConnection connection = openAsService();
            ConnectionOpener.closeQuietly(connection);
            breaker.close();
        } catch (ServerCallFailure failure) {
            if (failure.kind() == ServerCallFailure.Kind.UNREACHABLE) {
                breaker.open(failure.reason());
            } else {
                breaker.close();
            }
        }
    }

    private LdapConnection openAsService() throws ServerCallFailure {
        try {
            LdapConnection connection = opener.openAsService();
            breaker.serviceBindAccepted();
            return connection;
        } catch (ServerCallFailure failure) {
            if (failure.kind() == ServerCallFailure.Kind.SERVICE_BIND_REFUSED) {
                breaker.serviceBindRefused(failure.reason());
            }
            throw failure;
        }
    }

    @Override
    public void close() {
        searchPool.close();
        bindPool.close();
        opener.clear();
    }
}
