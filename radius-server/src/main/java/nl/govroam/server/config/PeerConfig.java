package nl.govroam.server.config;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * A federation peer: a national or regional proxy we send foreign realms to. Health follows the FreeRADIUS home-server
 * model (federation-rules.md 8).
 *
 * @param name           a name for logs, pools and metrics
 * @param address        its IP address
 * @param port           1812 (UDP) or 2083 (RadSec) by default
 * @param accountingPort where Accounting-Requests go when accounting is forwarded: the port + 1 for UDP (1813), the
 *                       same port for RadSec (RFC 6614 2.1)
 * @param transport      udp or radsec
 * @param secret         the shared secret; {@code radsec} for RadSec (RFC 6614 2.3)
 * @param tls            client certificate, key, CA and expected peer name (RadSec only)
 * @param responseWindow how long one request waits for an answer (identical retransmits inside it), then fail over
 * @param retries        identical retransmissions within the response window (UDP only; RFC 5080 2.2.1)
 * @param checkInterval  Status-Server probing interval for a zombie or dead peer
 * @param answersToAlive probe answers in a row that make a zombie or dead peer alive again
 * @param zombiePeriod   how long a zombie stays unanswering before it is dead
 * @param sockets        UDP sockets (or TLS connections) to the peer, each carrying up to 256 requests in flight
 * @param requireMessageAuthenticator drop UDP replies without a valid Message-Authenticator (BlastRADIUS; default
 *                       true; false only for a peer older than FreeRADIUS 3.2.5 that cannot send it)
 */
public record PeerConfig(
        String name,
        InetAddress address,
        int port,
        int accountingPort,
        PeerTransportKind transport,
        Secret secret,
        Optional<TlsConfig> tls,
        Duration responseWindow,
        int retries,
        Duration checkInterval,
        int answersToAlive,
        Duration zombiePeriod,
        int sockets,
        boolean requireMessageAuthenticator) {
}
