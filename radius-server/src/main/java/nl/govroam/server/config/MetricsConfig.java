package nl.govroam.server.config;

import java.net.InetAddress;

/**
 * The Prometheus text endpoint ({@code GET /metrics}).
 *
 * @param enabled serve it at all
 * @param address where it listens; loopback by default, metrics tell a lot about the network
 * @param port    the TCP port; 0 = any free port (tests)
 */
public record MetricsConfig(boolean enabled, InetAddress address, int port) {

    public static final int DEFAULT_PORT = 9812;
}
