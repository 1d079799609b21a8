package nl.govroam.server.config;

import java.util.List;
import java.util.Optional;

/**
 * Everything about the federation: the peers and pools foreign realms are proxied to, what is added to and filtered
 * from proxied traffic, and the inbound RadSec listener.
 *
 * @param peers             the national or regional proxies
 * @param pools             named groups of peers that realm routes refer to
 * @param visitorVlan       the VLAN put on visitors accepted through the federation; empty for none
 * @param operatorName      add Operator-Name ({@code 1} + the client's operator domain, RFC 5580) to proxied requests
 * @param forwardAccounting forward accounting of foreign realms to the pool (default: answered locally, RFC 7593 5)
 * @param radsecListener    the inbound RadSec listener, if configured
 */
public record FederationConfig(
        List<PeerConfig> peers,
        List<PoolConfig> pools,
        Optional<String> visitorVlan,
        boolean operatorName,
        boolean forwardAccounting,
        Optional<RadSecListenerConfig> radsecListener) {

    public static final FederationConfig NONE = new FederationConfig(List.of(), List.of(), Optional.empty(), true,
            false, Optional.empty());

    public FederationConfig {
        peers = List.copyOf(peers);
        pools = List.copyOf(pools);
    }

    public Optional<PeerConfig> peer(String name) {
        return peers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PoolConfig> pool(String name) {
        return pools.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
