package nl.govroam.server.proxy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.FederationConfig;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.InboundRequest;

/**
 * Proxies one Access-Request to its pool: refuses loops (a federation client asking for a realm that is not ours),
 * sends to the chosen peer, fails over to the next peer when a response window passes (a {@link PoolFailover} chain:
 * nothing waits), and filters the reply. Never silent: when no peer answers, the outcome is a refusal with the reason.
 */
final class ProxyForwarder {

    private final FederationConfig config;
    private final Map<String, PeerPool> pools;
    private final Loops loops;

    ProxyForwarder(FederationConfig config, Map<String, PeerPool> pools, Loops loops) {
        this.config = config;
        this.pools = Map.copyOf(pools);
        this.loops = loops;
    }

    /** Completes with the outcome, never exceptionally; refusals before anything is sent complete at once. */
    CompletableFuture<ProxyOutcome> forward(InboundRequest request, Route.Proxy route) {
        if (request.client().role() == ClientRole.FEDERATION) {
            return CompletableFuture.completedFuture(new ProxyOutcome.Refused("loop-prevention", "federation client "
                    + request.client().name() + " asked for realm " + route.nai().realm()
                    + ", which is not ours; not sent back out"));
        }
        PeerPool pool = pools.get(route.pool());
        if (pool == null) {
            return CompletableFuture.completedFuture(
                    new ProxyOutcome.Refused("no-pool", "pool " + route.pool() + " is not configured"));
        }
        Optional<OutboundRequest> built = OutboundRequest.of(request, config.operatorName());
        if (built.isEmpty()) {
            return CompletableFuture.completedFuture(
                    new ProxyOutcome.Refused("bad-user-password", "User-Password has an invalid length"));
        }
        return forward(request, pool, built.get());
    }

    /** Sends {@code outbound} through the pool's fail-over chain and closes it when the chain is over. */
    CompletableFuture<ProxyOutcome> forward(InboundRequest request, PeerPool pool, OutboundRequest outbound) {
        Optional<byte[]> state = request.packet().first(AttributeType.STATE).map(RadiusAttribute::value);
        return PoolFailover.run(pool, state, "answer", request.client().name(), loops,
                new AccessExchange(request, pool, outbound));
    }

    private final class AccessExchange implements PoolFailover.Exchange {
        private final InboundRequest request;
        private final PeerPool pool;
        private final OutboundRequest outbound;

        AccessExchange(InboundRequest request, PeerPool pool, OutboundRequest outbound) {
            this.request = request;
            this.pool = pool;
            this.outbound = outbound;
        }

        @Override
        public CompletableFuture<PeerAnswer> send(Peer peer) {
            return peer.send(PacketCode.ACCESS_REQUEST, outbound.encoderFor(peer.secret()));
        }

        @Override
        public ProxyOutcome answered(Peer peer, PeerAnswer answer) {
            if (!outbound.echoedBy(answer)) {
                return new ProxyOutcome.Refused("peer-reply-invalid", "peer " + peer.name()
                        + " did not echo our Proxy-State");
            }
            if (answer.packet().code() == PacketCode.ACCESS_CHALLENGE) {
                answer.packet().first(AttributeType.STATE)
                        .ifPresent(s -> pool.stick(s.value(), peer, System.nanoTime()));
            }
            return new ProxyOutcome.Relayed(answer.packet().code(),
                    ReplyFilter.filter(answer, peer.secret(), request, config.visitorVlan()), peer.name());
        }

        @Override
        public void finished() {
            outbound.close();
        }
    }
}
