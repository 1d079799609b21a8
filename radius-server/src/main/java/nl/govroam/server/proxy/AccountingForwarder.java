package nl.govroam.server.proxy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.FederationConfig;
import nl.govroam.server.realm.Route;
import nl.govroam.server.transport.InboundRequest;

/**
 * Forwards an Accounting-Request of a foreign realm to its pool when {@code federation.forward-accounting} is on
 * (off by default: RFC 7593 5). The NAS's attributes in order without its Message-Authenticator, Operator-Name added
 * for our own NASes, our Proxy-State last; a new Request Authenticator with the peer's secret (RFC 2866 3). The first
 * peer that answers with a verified Accounting-Response ends it; a silent one fails over to the next. Accounting from
 * federation clients is never sent back out (loop prevention).
 */
final class AccountingForwarder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FederationConfig config;
    private final Map<String, PeerPool> pools;
    private final Loops loops;

    AccountingForwarder(FederationConfig config, Map<String, PeerPool> pools, Loops loops) {
        this.config = config;
        this.pools = Map.copyOf(pools);
        this.loops = loops;
    }

    /** Completes with the outcome, never exceptionally; refusals before anything is sent complete at once. */
    CompletableFuture<ProxyOutcome> forward(InboundRequest request, Route.Proxy route) {
        if (request.client().role() == ClientRole.FEDERATION) {
            return CompletableFuture.completedFuture(new ProxyOutcome.Refused("loop-prevention",
                    "accounting from federation client " + request.client().name() + " is not sent back out"));
        }
        PeerPool pool = pools.get(route.pool());
        if (pool == null) {
            return CompletableFuture.completedFuture(
                    new ProxyOutcome.Refused("no-pool", "pool " + route.pool() + " is not configured"));
        }
        byte[] proxyState = new byte[8];
        RANDOM.nextBytes(proxyState);
        return PoolFailover.run(pool, Optional.empty(), "Accounting-Response", request.client().name(), loops,
                new AccountingExchange(attributes(request, proxyState), proxyState));
    }

    /** The same attributes to every peer, signed with each peer's secret. */
    private record AccountingExchange(List<RadiusAttribute> attributes, byte[] proxyState)
            implements PoolFailover.Exchange {
        @Override
        public CompletableFuture<PeerAnswer> send(Peer peer) {
            byte[] secret = peer.secret();
            return peer.sendAccounting((id, authenticator) -> PacketEncoder.encodeRequest(
                    PacketCode.ACCOUNTING_REQUEST, id, authenticator, attributes, secret, false));
        }

        @Override
        public ProxyOutcome answered(Peer peer, PeerAnswer answer) {
            return PoolFailover.endsWithOurProxyState(answer, proxyState)
                    ? new ProxyOutcome.Relayed(PacketCode.ACCOUNTING_RESPONSE, List.of(), peer.name())
                    : new ProxyOutcome.Refused("peer-reply-invalid", "peer " + peer.name()
                            + " did not echo our Proxy-State");
        }
    }

    private List<RadiusAttribute> attributes(InboundRequest request, byte[] proxyState) {
        List<RadiusAttribute> out = new ArrayList<>();
        for (RadiusAttribute a : request.packet().attributes()) {
            if (a.type() != AttributeType.MESSAGE_AUTHENTICATOR) {
                out.add(a);
            }
        }
        if (config.operatorName() && request.client().role() == ClientRole.NAS
                && !request.packet().has(AttributeType.OPERATOR_NAME)) {
            out.add(new RadiusAttribute(AttributeType.OPERATOR_NAME,
                    ("1" + request.client().operator()).getBytes(StandardCharsets.UTF_8)));
        }
        out.add(new RadiusAttribute(AttributeType.PROXY_STATE, proxyState));
        return out;
    }
}
