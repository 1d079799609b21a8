package nl.govroam.server.proxy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.RadiusAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to a pool, peer after peer (federation-rules.md 8): the chosen peer gets the request, the wait
 * is bounded by its response window (on the request's virtual thread, never an event loop), an answer marks it
 * alive, silence marks the timeout and fails over to the next peer; when no peer is left the outcome is a refusal
 * with every peer's reason. Never silent.
 */
final class PoolFailover {
    private static final Logger LOG = LoggerFactory.getLogger(PoolFailover.class);
    /** Beyond the transport's own response window, so the transport's timeout always comes first. */
    private static final long GRACE_MILLIS = 1000;

    private PoolFailover() {
    }

    /**
     * @param pool      the pool
     * @param state     the EAP conversation's State, to keep it on one peer
     * @param what      what is awaited, for log lines (e.g. {@code answer}, {@code Accounting-Response})
     * @param client    the requesting client's name, for log lines
     * @param send      sends the request to a peer
     * @param onAnswer  turns a peer's verified answer into the outcome
     */
    static ProxyOutcome run(PeerPool pool, Optional<byte[]> state, String what, String client,
                            Function<Peer, CompletableFuture<PeerAnswer>> send,
                            BiFunction<Peer, PeerAnswer, ProxyOutcome> onAnswer) {
        Set<Peer> tried = new HashSet<>();
        StringBuilder failures = new StringBuilder();
        while (true) {
            Optional<Peer> chosen = pool.select(state, tried, System.nanoTime());
            if (chosen.isEmpty()) {
                String detail = "pool " + pool.name() + ": no peer alive" + (failures.isEmpty() ? "" : " (" + failures + ")");
                LOG.warn("no {} from the federation for client {}: {}", what, client, detail);
                return new ProxyOutcome.Refused("no-peer-alive", detail);
            }
            Peer peer = chosen.get();
            tried.add(peer);
            CompletableFuture<PeerAnswer> sent = send.apply(peer);
            try {
                PeerAnswer answer = sent.get(peer.config().responseWindow().toMillis() + GRACE_MILLIS,
                        TimeUnit.MILLISECONDS);
                peer.health().onAnswer(System.nanoTime());
                return onAnswer.apply(peer, answer);
            } catch (ExecutionException | TimeoutException e) {
                peer.health().onTimeout(System.nanoTime());
                String why = e instanceof ExecutionException ee && ee.getCause() != null
                        ? ee.getCause().getMessage() : "no answer";
                LOG.warn("peer {} gave no {} for client {} ({}); failing over", peer.name(), what, client, why);
                failures.append(failures.isEmpty() ? "" : "; ").append(peer.name()).append(": ").append(why);
                sent.cancel(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ProxyOutcome.Refused("interrupted", "shutting down");
            }
        }
    }

    /** RFC 2865 5.33: the peer echoes every Proxy-State in order; ours was added last. */
    static boolean endsWithOurProxyState(PeerAnswer answer, byte[] ours) {
        List<RadiusAttribute> states = answer.packet().all(AttributeType.PROXY_STATE);
        return !states.isEmpty() && Arrays.equals(states.get(states.size() - 1).value(), ours);
    }
}
