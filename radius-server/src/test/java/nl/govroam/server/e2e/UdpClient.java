package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.DecodeResult;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketDecoder;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.codec.UserPasswordCipher;

/**
 * A hand-made RADIUS client on one UDP socket bound to a chosen loopback source address (so the server sees a
 * client radclient cannot pretend to be), for requests radclient cannot send: without Message-Authenticator, with
 * Proxy-State, byte-exact retransmissions, garbage. Replies are checked independently of the server's encoder.
 */
final class UdpClient implements AutoCloseable {
    private final DatagramSocket socket;

    UdpClient(InetAddress source) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(source, 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a UDP socket to " + source.getHostAddress(), e);
        }
    }

    void send(byte[] datagram, InetSocketAddress server) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram that arrives within {@code timeout}, or empty. */
    Optional<byte[]> receive(Duration timeout) {
        byte[] buffer = new byte[8192];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            socket.receive(packet);
            return Optional.of(Arrays.copyOf(buffer, packet.getLength()));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends and waits for one reply. */
    Optional<byte[]> exchange(byte[] datagram, InetSocketAddress server, Duration timeout) {
        send(datagram, server);
        return receive(timeout);
    }

    /**
     * Sends a datagram the server must drop: waits for {@code dropCounter} to count it, then checks that no reply
     * follows. The counter is bumped in the pipeline before any reply could be sent, so a short look suffices.
     */
    void assertDropped(byte[] datagram, InetSocketAddress server, String drops, LongSupplier dropCounter) {
        long before = dropCounter.getAsLong();
        send(datagram, server);
        E2eServer.awaitCount(drops, dropCounter, before + 1, Duration.ofSeconds(2));
        Optional<byte[]> reply = receive(Duration.ofMillis(150));
        assertTrue(reply.isEmpty(), () -> "a reply of " + reply.get().length + " octets to a datagram counted as " + drops);
    }

    @Override
    public void close() {
        socket.close();
    }

    /** A request as sent: its octets and the authenticator to check the reply with. */
    record Request(byte[] wire, int identifier, byte[] authenticator) {
    }

    /** Builds an Access-Request; {@code password} may be null (no User-Password). */
    static Request accessRequest(String secret, boolean messageAuthenticator, String userName, String password,
                                 RadiusAttribute... extra) {
        byte[] authenticator = PacketEncoder.randomAuthenticator();
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        List<RadiusAttribute> attributes = new ArrayList<>();
        if (userName != null) {
            attributes.add(RadiusAttribute.ofString(AttributeType.USER_NAME, userName));
        }
        if (password != null) {
            attributes.add(new RadiusAttribute(AttributeType.USER_PASSWORD,
                    UserPasswordCipher.hide(password.toCharArray(), authenticator, key)));
        }
        attributes.addAll(List.of(extra));
        return request(PacketCode.ACCESS_REQUEST, secret, messageAuthenticator, authenticator, attributes);
    }

    static Request request(PacketCode code, String secret, boolean messageAuthenticator, byte[] authenticator,
                           List<RadiusAttribute> attributes) {
        int identifier = ThreadLocalRandom.current().nextInt(256);
        byte[] wire = PacketEncoder.encodeRequest(code, identifier, authenticator, attributes,
                secret.getBytes(StandardCharsets.UTF_8), messageAuthenticator);
        return new Request(wire, identifier, Arrays.copyOfRange(wire, 4, 20));
    }

    /**
     * Decodes a reply and checks it as a careful client would: identifier, Response Authenticator (RFC 2865 3) and,
     * when present, Message-Authenticator (RFC 3579 3.2), computed here rather than by the server's codec.
     */
    static RadiusPacket verifiedReply(byte[] reply, Request request, String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        RadiusPacket packet = switch (PacketDecoder.decode(reply)) {
            case DecodeResult.Decoded decoded -> decoded.packet();
            case DecodeResult.Malformed malformed -> throw new AssertionError("malformed reply: " + malformed.reason());
        };
        assertEquals(request.identifier(), packet.identifier(), "reply identifier");
        byte[] withRequestAuthenticator = reply.clone();
        System.arraycopy(request.authenticator(), 0, withRequestAuthenticator, 4, 16);
        assertArrayEquals(md5(withRequestAuthenticator, key), Arrays.copyOfRange(reply, 4, 20),
                "Response Authenticator");
        int offset = messageAuthenticatorValueOffset(reply);
        if (offset >= 0) {
            byte[] zeroed = withRequestAuthenticator.clone();
            Arrays.fill(zeroed, offset, offset + 16, (byte) 0);
            assertArrayEquals(hmacMd5(key, zeroed), Arrays.copyOfRange(reply, offset, offset + 16),
                    "Message-Authenticator of the reply");
        }
        return packet;
    }

    private static int messageAuthenticatorValueOffset(byte[] wire) {
        int pos = RadiusPacket.HEADER_LENGTH;
        while (pos + 1 < wire.length) {
            if ((wire[pos] & 0xFF) == AttributeType.MESSAGE_AUTHENTICATOR) {
                return pos + 2;
            }
            pos += Math.max(2, wire[pos + 1] & 0xFF);
        }
        return -1;
    }

    static byte[] md5(byte[] data, byte[] key) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(data);
            md5.update(key);
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
