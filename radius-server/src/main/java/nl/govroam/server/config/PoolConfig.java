package nl.govroam.server.config;

import java.util.List;

/**
 * A named, ordered group of peers that a realm route points at.
 *
 * @param name    referred to by {@code realms[].pool}
 * @param peers   peer names, in fail-over order
 * @param balance fail-over (the first alive peer) or load-balance (spread, one EAP conversation on one peer)
 */
public record PoolConfig(String name, List<String> peers, PoolBalance balance) {
    public PoolConfig {
        peers = List.copyOf(peers);
    }
}
