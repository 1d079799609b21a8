package nl.govroam.server.cli.testauth;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import nl.govroam.server.codec.DecodeResult;
import nl.govroam.server.codec.PacketDecoder;
import nl.govroam.server.codec.RadiusPacket;

/**
 * Sends one request over UDP and waits for its authentic reply, retransmitting the identical datagram each second
 * (RFC 5080 2.2.1) until the timeout. Replies with another identifier or a wrong authenticator are ignored.
 */
final class RadiusTestClient {
    private static final Duration RETRANSMIT = Duration.ofSeconds(1);

    private RadiusTestClient() {
    }

    static Optional<RadiusPacket> exchange(InetSocketAddress server, byte[] request, byte[] secret, Duration timeout)
            throws IOException {
        byte[] authenticator = Arrays.copyOfRange(request, 4, 20);
        int identifier = request[1] & 0xFF;
        long deadline = System.nanoTime() + timeout.toNanos();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server);
            byte[] buffer = new byte[RadiusPacket.MAX_LENGTH];
            while (System.nanoTime() < deadline) {
                socket.send(new DatagramPacket(request, request.length));
                long resendAt = Math.min(deadline, System.nanoTime() + RETRANSMIT.toNanos());
                while (System.nanoTime() < resendAt) {
                    socket.setSoTimeout((int) Math.max(1, (resendAt - System.nanoTime()) / 1_000_000));
                    DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(datagram);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    byte[] reply = Arrays.copyOf(datagram.getData(), datagram.getLength());
                    if (PacketDecoder.decode(reply) instanceof DecodeResult.Decoded decoded
                            && decoded.packet().identifier() == identifier
                            && ReplyCheck.authentic(decoded.wire(), authenticator, secret)) {
                        return Optional.of(decoded.packet());
                    }
                }
            }
        } catch (java.net.PortUnreachableException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
