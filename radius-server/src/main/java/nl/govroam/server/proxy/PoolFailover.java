package nl.govroam.server.proxy;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.RadiusAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request to a pool, peer after peer (federation-rules.md 8), without waiting on any thread: the chosen
 * peer gets the request and the next step runs when its answer, its transport's timeout or our safety timeout
 * (response window plus grace, scheduled) completes it. An answer marks the peer alive and ends the chain; silence
 * marks the timeout and the chain goes on with the next peer; when no peer is left the outcome is a refusal with every
 * peer's reason. Never silent, never exceptional. Each step starts from a completion (or from the loop in
 * {@link #next} when a send fails at once), so the stack does not grow with the number of peers tried.
 */
final class PoolFailover implements BiConsumer<PeerAnswer, Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(PoolFailover.class);
    /** Beyond the transport's own response window, so the transport's timeout always comes first. */
    private static final long GRACE_MILLIS = 1000;

    /** What one request sends to a peer, and what a peer's verified answer comes to. */
    interface Exchange {
        CompletableFuture<PeerAnswer> send(Peer peer);

        ProxyOutcome answered(Peer peer, PeerAnswer answer);

        /** The chain is over; called once, before the outcome completes (e.g. to clear a revealed password). */
        default void finished() {
        }
    }

    private final PeerPool pool;
    private final Optional<byte[]> state;
    private final String what;
    private final String client;
    private final Loops loops;
    private final Exchange exchange;
    private final CompletableFuture<ProxyOutcome> outcome = new CompletableFuture<>();
    private final Set<Peer> tried = new HashSet<>(4);
    /** Each failed peer's reason, for the refusal; allocated on the first failure. */
    private StringBuilder failures;
    /** The peer of the step in flight and its safety timeout; written before the step's callback is registered. */
    private Peer peer;
    private ScheduledFuture<?> safety;

    private PoolFailover(PeerPool pool, Optional<byte[]> state, String what, String client, Loops loops,
                         Exchange exchange) {
        this.pool = pool;
        this.state = state;
        this.what = what;
        this.client = client;
        this.loops = loops;
        this.exchange = exchange;
    }

    /**
     * @param pool     the pool
     * @param state    the EAP conversation's State, to keep it on one peer
     * @param what     what is awaited, for log lines (e.g. {@code answer}, {@code Accounting-Response})
     * @param client   the requesting client's name, for log lines
     * @param loops    where the safety timeouts run
     * @param exchange what to send and what to make of the answer
     * @return completes with the outcome on the thread that completed the last step, never exceptionally
     */
    static CompletableFuture<ProxyOutcome> run(PeerPool pool, Optional<byte[]> state, String what, String client,
                                               Loops loops, Exchange exchange) {
        PoolFailover chain = new PoolFailover(pool, state, what, client, loops, exchange);
        chain.next();
        return chain.outcome;
    }

    /** Sends to the next peer; loops here (not recursing) while sends fail at once. */
    private void next() {
        try {
            while (true) {
                Optional<Peer> chosen = pool.select(state, tried, System.nanoTime());
                if (chosen.isEmpty()) {
                    String detail = "pool " + pool.name() + ": no peer alive"
                            + (failures == null ? "" : " (" + failures + ")");
                    LOG.warn("no {} from the federation for client {}: {}", what, client, detail);
                    finish(new ProxyOutcome.Refused("no-peer-alive", detail));
                    return;
                }
                Peer chosenPeer = chosen.get();
                tried.add(chosenPeer);
                CompletableFuture<PeerAnswer> sent = exchange.send(chosenPeer);
                if (sent.isDone()) {
                    Throwable failure = failureOf(sent);
                    if (settled(chosenPeer, failure, failure == null ? sent.resultNow() : null)) {
                        return;
                    }
                    continue;
                }
                peer = chosenPeer;
                safety = loops.schedule(() -> sent.completeExceptionally(new PeerTimeoutException("no answer")),
                        chosenPeer.config().responseWindow().toMillis() + GRACE_MILLIS, TimeUnit.MILLISECONDS);
                sent.whenComplete(this);
                return;
            }
        } catch (RejectedExecutionException e) {
            finish(new ProxyOutcome.Refused("interrupted", "shutting down"));
        } catch (RuntimeException e) {
            LOG.warn("forwarding for client {} failed", client, e);
            finish(new ProxyOutcome.Refused("proxy-error", "pool " + pool.name() + ": " + e));
        }
    }

    /** The step in flight completed: the peer's answer, or its failure. */
    @Override
    public void accept(PeerAnswer answer, Throwable failure) {
        safety.cancel(false);
        try {
            if (settled(peer, failure, answer)) {
                return;
            }
        } catch (RuntimeException e) {
            LOG.warn("forwarding for client {} failed", client, e);
            finish(new ProxyOutcome.Refused("proxy-error", "pool " + pool.name() + ": " + e));
            return;
        }
        next();
    }

    /** Records one peer's result; true when it ends the chain. */
    private boolean settled(Peer from, Throwable failure, PeerAnswer answer) {
        long now = System.nanoTime();
        if (failure == null) {
            from.health().onAnswer(now);
            finish(exchange.answered(from, answer));
            return true;
        }
        from.health().onTimeout(now);
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String why = cause.getMessage() != null ? cause.getMessage() : "no answer";
        LOG.warn("peer {} gave no {} for client {} ({}); failing over", from.name(), what, client, why);
        if (failures == null) {
            failures = new StringBuilder();
        } else {
            failures.append("; ");
        }
        failures.append(from.name()).append(": ").append(why);
        return false;
    }

    private static Throwable failureOf(CompletableFuture<PeerAnswer> done) {
        return switch (done.state()) {
            case SUCCESS -> null;
            case FAILED -> done.exceptionNow();
            default -> new CancellationException("cancelled");
        };
    }

    private void finish(ProxyOutcome result) {
        try {
            exchange.finished();
        } finally {
            outcome.complete(result);
        }
    }

    /** RFC 2865 5.33: the peer echoes every Proxy-State in order; ours was added last. */
    static boolean endsWithOurProxyState(PeerAnswer answer, byte[] ours) {
        List<RadiusAttribute> states = answer.packet().all(AttributeType.PROXY_STATE);
        return !states.isEmpty() && Arrays.equals(states.get(states.size() - 1).value(), ours);
    }
}
