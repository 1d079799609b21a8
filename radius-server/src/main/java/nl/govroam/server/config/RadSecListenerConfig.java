package nl.govroam.server.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * The inbound RadSec listener (RFC 6614): mutual TLS; a connection is accepted only when its certificate chains to the
 * CA of one configured federation client and carries one of that client's names.
 *
 * @param address     the address to bind
 * @param port        2083 by default; 0 = any free port (tests)
 * @param certificate our server certificate, PEM
 * @param key         our private key, PEM PKCS#8
 * @param clients     the federation clients allowed to connect
 */
public record RadSecListenerConfig(InetAddress address, int port, Path certificate, Path key,
                                   List<RadSecClientConfig> clients) {
    public RadSecListenerConfig {
        clients = List.copyOf(clients);
    }
}
