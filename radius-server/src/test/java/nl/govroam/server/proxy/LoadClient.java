package nl.govroam.server.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.DecodeResult;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketDecoder;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.UserPasswordCipher;

/**
 * Many PAP Access-Requests at once from a NAS on 127.0.0.1: {@code sockets} UDP sockets with up to 256 Identifiers
 * each, everything sent before any reply is read, then the replies counted by code until all arrived or the deadline.
 */
final class LoadClient {
    private LoadClient() {
    }

    /** The replies by code (a request without a reply is missing from the counts). */
    static Map<PacketCode, Integer> papBurst(InetSocketAddress server, String secret, String user, String password,
                                            int requests, long deadlineMillis) {
        int sockets = (requests + 255) / 256;
        DatagramSocket[] open = new DatagramSocket[sockets];
        Map<PacketCode, Integer> replies = new EnumMap<>(PacketCode.class);
        try {
            for (int s = 0; s < sockets; s++) {
                open[s] = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                open[s].setReceiveBufferSize(1 << 20);
            }
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < requests; i++) {
                byte[] authenticator = PacketEncoder.randomAuthenticator();
                List<RadiusAttribute> attributes = List.of(
                        RadiusAttribute.ofString(AttributeType.USER_NAME, user),
                        new RadiusAttribute(AttributeType.USER_PASSWORD,
                                UserPasswordCipher.hide(password.toCharArray(), authenticator, key)));
                byte[] wire = PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, i % 256, authenticator,
                        attributes, key, true);
                open[i / 256].send(new DatagramPacket(wire, wire.length, server));
            }
            long deadline = System.currentTimeMillis() + deadlineMillis;
            int received = 0;
            for (int s = 0; s < sockets; s++) {
                int expected = Math.min(256, requests - s * 256);
                for (int got = 0; got < expected; got++) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0) {
                        return replies;
                    }
                    open[s].setSoTimeout((int) left);
                    byte[] buffer = new byte[4096];
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        open[s].receive(packet);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    if (PacketDecoder.decode(Arrays.copyOf(buffer, packet.getLength())) instanceof DecodeResult.Decoded d) {
                        replies.merge(d.packet().code(), 1, Integer::sum);
                        received++;
                    }
                }
            }
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (DatagramSocket s : open) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
