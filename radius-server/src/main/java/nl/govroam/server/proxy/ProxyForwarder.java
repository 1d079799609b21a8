package nl.govroam.server.proxy;

import java.util.Map;
import java.util.Optional;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.FederationConfig;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.InboundRequest;

/**
 * Proxies one Access-Request to its pool: refuses loops (a federation client asking for a realm that is not ours),
 * sends to the chosen peer, waits for the verified answer (a bounded wait on the request's virtual thread, never on an
 * event loop), fails over to the next peer when a response window passes, and filters the reply. Never silent: when no
 * peer answers, the outcome is a refusal with the reason.
 */
final class ProxyForwarder {

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
        return PoolFailover.run(pool, state, "answer", request.client().name(),
                peer -> peer.send(PacketCode.ACCESS_REQUEST, outbound.encoderFor(peer.secret())),
                (peer, answer) -> {
                    if (!PoolFailover.endsWithOurProxyState(answer, outbound.proxyState())) {
                        return new ProxyOutcome.Refused("peer-reply-invalid", "peer " + peer.name()
                                + " did not echo our Proxy-State");
                    }
                    if (answer.packet().code() == PacketCode.ACCESS_CHALLENGE) {
                        answer.packet().first(AttributeType.STATE)
                                .ifPresent(s -> pool.stick(s.value(), peer, System.nanoTime()));
                    }
                    return new ProxyOutcome.Relayed(answer.packet().code(),
                            ReplyFilter.filter(answer, peer.secret(), request, config.visitorVlan()), peer.name());
                });
    }
}
