package nl.govroam.server.proxy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.FederationConfig;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.InboundRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxies one Access-Request to its pool: refuses loops (a federation client asking for a realm that is not ours),
 * sends to the chosen peer, waits for the verified answer (a bounded wait on the request's virtual thread, never on an
 * event loop), fails over to the next peer when a response window passes, and filters the reply. Never silent: when no
 * peer answers, the outcome is a refusal with the reason.
 */
final class ProxyForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyForwarder.class);
    /** Beyond the transport's own response window, so the transport's timeout always comes first. */
    private static final long GRACE_MILLIS = 1000;

    private final FederationConfig config;
    private final Map<String, PeerPool> pools;

    ProxyForwarder(FederationConfig config, Map<String, PeerPool> pools) {
        this.config = config;
        this.pools = Map.copyOf(pools);
    }

    ProxyOutcome forward(InboundRequest request, Route.Proxy route) {
        if (request.client().role() == ClientRole.FEDERATION) {
            return new ProxyOutcome.Refused("loop-prevention", "federation client " + request.client().name()
                    + " asked for realm " + route.nai().realm() + ", which is not ours; not sent back out");
        }
        PeerPool pool = pools.get(route.pool());
        if (pool == null) {
            return new ProxyOutcome.Refused("no-pool", "pool " + route.pool() + " is not configured");
        }
        Optional<OutboundRequest> built = OutboundRequest.of(request, config.operatorName());
        if (built.isEmpty()) {
            return new ProxyOutcome.Refused("bad-user-password", "User-Password has an invalid length");
        }
        try (OutboundRequest outbound = built.get()) {
            return forward(request, pool, outbound);
        }
    }

    private ProxyOutcome forward(InboundRequest request, PeerPool pool, OutboundRequest outbound) {
        Optional<byte[]> state = request.packet().first(AttributeType.STATE).map(RadiusAttribute::value);
        Set<Peer> tried = new HashSet<>();
        StringBuilder failures = new StringBuilder();
        while (true) {
            Optional<Peer> chosen = pool.select(state, tried, System.nanoTime());
            if (chosen.isEmpty()) {
                String detail = "pool " + pool.name() + ": no peer alive" + (failures.isEmpty() ? "" : " (" + failures + ")");
                LOG.warn("proxying for client {} failed: {}", request.client().name(), detail);
                return new ProxyOutcome.Refused("no-peer-alive", detail);
            }
            Peer peer = chosen.get();
            tried.add(peer);
            byte[] secret = peer.secret();
            CompletableFuture<PeerAnswer> sent = peer.send(PacketCode.ACCESS_REQUEST, outbound.encoderFor(secret));
            try {
                PeerAnswer answer = sent.get(peer.config().responseWindow().toMillis() + GRACE_MILLIS,
                        TimeUnit.MILLISECONDS);
                peer.health().onAnswer(System.nanoTime());
                if (!endsWithOurProxyState(answer, outbound.proxyState())) {
                    return new ProxyOutcome.Refused("peer-reply-invalid", "peer " + peer.name()
                            + " did not echo our Proxy-State");
                }
                if (answer.packet().code() == PacketCode.ACCESS_CHALLENGE) {
                    answer.packet().first(AttributeType.STATE)
                            .ifPresent(s -> pool.stick(s.value(), peer, System.nanoTime()));
                }
                return new ProxyOutcome.Relayed(answer.packet().code(),
                        ReplyFilter.filter(answer, secret, request, config.visitorVlan()), peer.name());
            } catch (ExecutionException | TimeoutException e) {
                peer.health().onTimeout(System.nanoTime());
                String why = e instanceof ExecutionException ee && ee.getCause() != null
                        ? ee.getCause().getMessage() : "no answer";
                LOG.warn("peer {} gave no answer for client {} ({}); failing over", peer.name(),
                        request.client().name(), why);
                failures.append(failures.isEmpty() ? "" : "; ").append(peer.name()).append(": ").append(why);
                sent.cancel(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ProxyOutcome.Refused("interrupted", "shutting down");
            }
        }
    }

    /** RFC 2865 5.33: the peer echoes every Proxy-State in order; ours was added last. */
    private static boolean endsWithOurProxyState(PeerAnswer answer, byte[] ours) {
        List<RadiusAttribute> states = answer.packet().all(AttributeType.PROXY_STATE);
        return !states.isEmpty() && Arrays.equals(states.get(states.size() - 1).value(), ours);
    }
}
