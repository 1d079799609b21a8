package nl.govroam.server.transport;

import java.net.InetSocketAddress;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.service.ServiceSnapshot;

/** A datagram from a known client, copied out of Netty's buffer, not yet decoded. */
record ClientDatagram(
        ServiceSnapshot snapshot,
        ClientConfig client,
        byte[] data,
        InetSocketAddress sender,
        InetSocketAddress recipient,
        long receivedNanos) {
}
