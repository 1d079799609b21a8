package nl.govroam.server.config;

/** How a pool picks a peer. */
public enum PoolBalance {
    /** The first alive peer in the configured order; back to it once it is alive again (fail-back). */
    FAIL_OVER,
    /** Spread over the alive peers; the requests of one EAP conversation (same State) stay on one peer. */
    LOAD_BALANCE
}
