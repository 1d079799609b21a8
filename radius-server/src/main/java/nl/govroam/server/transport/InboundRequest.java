package nl.govroam.server.transport;

import java.net.InetSocketAddress;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.service.ServiceSnapshot;

/**
 * A request from a known client, decoded and (past {@link RequestAuthenticityFilter}) authentic.
 *
 * @param snapshot      the configuration snapshot this request is handled with, start to end
 * @param client        the client it came from
 * @param packet        the decoded packet
 * @param wire          the packet's octets
 * @param sender        the client's address and port
 * @param recipient     our address and port it was sent to
 * @param receivedNanos {@link System#nanoTime} at arrival, for latency
 */
public record InboundRequest(
        ServiceSnapshot snapshot,
        ClientConfig client,
        RadiusPacket packet,
        byte[] wire,
        InetSocketAddress sender,
        InetSocketAddress recipient,
        long receivedNanos) {
}
