package nl.govroam.ldap;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One configured server of a directory: its circuit breaker and, per event loop of the directory's group, two
 * pools: pipelined connections bound as the service account (searches) and exclusive connections used only for
 * user binds. Per-loop pools keep a request, its search, its bind and its reply on one thread.
 */
final class LdapServer implements AutoCloseable {
    /** Pipelined search connections per loop: two keep searches going while one is replaced. */
    static final int MAX_SEARCH_CONNECTIONS = 2;
    /** Outstanding searches per search connection, per unit of pool size. */
    static final int SEARCHES_PER_POOL_UNIT = 4;

    /** The two pools of one loop. */
    record LoopPools(LoopPool search, LoopPool bind) {
    }

    private final ChannelOpener opener;
    private final CircuitBreaker breaker;
    private final Map<EventExecutor, LoopPools> pools = new IdentityHashMap<>();
    private final AtomicBoolean probing = new AtomicBoolean();

    LdapServer(ChannelOpener opener, CircuitBreaker breaker, DirectorySettings settings, EventLoopGroup group) {
        this.opener = opener;
        this.breaker = breaker;
        int searchConnections = Math.min(settings.poolSize(), MAX_SEARCH_CONNECTIONS);
        int searchesPerConnection = SEARCHES_PER_POOL_UNIT * settings.poolSize();
        for (EventExecutor executor : group) {
            EventLoop loop = (EventLoop) executor;
            pools.put(loop, new LoopPools(
                    new LoopPool(opener.url() + " search connections", loop, searchConnections, searchesPerConnection,
                            settings.poolMaxWait(), this::openAsService),
                    new LoopPool(opener.url() + " user-bind connections", loop, settings.poolSize(), 1,
                            settings.poolMaxWait(), opener::openUnbound)));
        }
    }

    String url() {
        return opener.url();
    }

    ChannelOpener opener() {
        return opener;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    LoopPools pools(EventLoop loop) {
        return pools.get(loop);
    }

    /** The server did not answer: open the breaker and drop the idle connections on every loop, stale now. */
    void markDown(String reason) {
        breaker.open(reason);
        onEachLoop(loopPools -> {
            loopPools.search().closeIdle();
            loopPools.bind().closeIdle();
        });
    }

    /**
     * Tries to reach a down server on {@code loop}: connect and bind as the service account, within the connect and
     * operation timeouts. A refused service bind still counts as reachable (requests then say why they fail).
     * At most one probe per server runs at a time.
     */
    void probe(EventLoop loop) {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        openAsService(loop).whenComplete((connection, error) -> {
            probing.set(false);
            if (error == null) {
                connection.close();
                breaker.close();
                return;
            }
            ServerCallFailure failure = ServerCallFailure.of(error);
            if (failure == null || failure.kind() == ServerCallFailure.Kind.UNREACHABLE) {
                breaker.open(failure == null ? ServerCallFailure.describe(error) : failure.reason());
            } else {
                breaker.close();
            }
        });
    }

    private CompletableFuture<LdapChannel> openAsService(EventLoop loop) {
        return opener.openAsService(loop).whenComplete((connection, error) -> {
            ServerCallFailure failure = error == null ? null : ServerCallFailure.of(error);
            if (error == null) {
                breaker.serviceBindAccepted();
            } else if (failure != null && failure.kind() == ServerCallFailure.Kind.SERVICE_BIND_REFUSED) {
                breaker.serviceBindRefused(failure.reason());
            }
        });
    }

    private void onEachLoop(java.util.function.Consumer<LoopPools> action) {
        pools.forEach((loop, loopPools) -> {
            if (loop.inEventLoop()) {
                action.accept(loopPools);
            } else {
                try {
                    loop.execute(() -> action.accept(loopPools));
                } catch (RejectedExecutionException shutDown) {
                    // the group is shutting down and closes every channel itself
                }
            }
        });
    }

    @Override
    public void close() {
        onEachLoop(loopPools -> {
            loopPools.search().close();
            loopPools.bind().close();
        });
    }

    /** Forgets the service password; after {@link #close()} and once no probe can run any more. */
    void clear() {
        opener.clear();
    }
}
