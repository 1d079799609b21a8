package nl.govroam.server.config;

import java.net.InetAddress;
import java.time.Duration;

/**
 * Listeners and request-handling limits.
 *
 * @param address         the address both UDP listeners bind to
 * @param authPort        Access-Request and Status-Server (1812); 0 = any free port (tests)
 * @param accountingPort  Accounting-Request and Status-Server (1813); 0 = any free port (tests)
 * @param inFlightLimit   requests being worked on at once; beyond it new requests are dropped and counted (load shedding)
 * @param rejectDelay     how long an Access-Reject is held back (slows password guessing; never holds an event loop)
 * @param duplicateWindow how long an answered request's reply is kept to answer retransmissions (RFC 5080 2.2.2)
 * @param directoryDown   what to answer when a directory is unavailable
 */
public record ServerConfig(
        InetAddress address,
        int authPort,
        int accountingPort,
        int inFlightLimit,
        Duration rejectDelay,
        Duration duplicateWindow,
        DirectoryDownPolicy directoryDown) {
}
