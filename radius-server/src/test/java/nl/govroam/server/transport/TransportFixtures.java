package nl.govroam.server.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.DecodeResult;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketDecoder;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.RadiusPacket;
import nl.govroam.server.config.AccountingConfig;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.config.ClientRole;
import nl.govroam.server.config.DirectoryDownPolicy;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.config.IpRange;
import nl.govroam.server.config.RealmSanityConfig;
import nl.govroam.server.config.Secret;
import nl.govroam.server.config.ServerConfig;
import nl.govroam.server.realm.Router;
import nl.govroam.server.service.ServiceSnapshot;
import org.slf4j.LoggerFactory;

/** Clients, snapshots, requests and reply checks shared by the transport tests. Plain values, no network. */
final class TransportFixtures {
    static final String SECRET_TEXT = "transport-test-secret-0123";
    static final byte[] SECRET = SECRET_TEXT.getBytes(StandardCharsets.UTF_8);
    static final InetSocketAddress NAS = new InetSocketAddress(address("192.0.2.10"), 40_000);
    static final InetSocketAddress AUTH_LISTENER = new InetSocketAddress(address("127.0.0.1"), 1812);
    static final InetSocketAddress ACCOUNTING_LISTENER = new InetSocketAddress(address("127.0.0.1"), 1813);

    /** A NAS in 192.0.2.0/24 that requires Message-Authenticator (the default). */
    static final ClientConfig STRICT_NAS = client("ap-strict", "192.0.2.0/24", true);
    /** The same network, for a legacy NAS that does not send Message-Authenticator. */
    static final ClientConfig LEGACY_NAS = client("ap-legacy", "192.0.2.0/24", false);

    private TransportFixtures() {
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static ClientConfig client(String name, String cidr, boolean requireMessageAuthenticator) {
        return new ClientConfig(name, IpRange.parse(cidr), Secret.of(SECRET_TEXT, "inline"), "nijmegen.nl",
                requireMessageAuthenticator, ClientRole.NAS);
    }

    static ServiceSnapshot snapshot(List<ClientConfig> clients) {
        RealmSanityConfig sanity = new RealmSanityConfig(RealmSanityConfig.DEFAULT_DENY_REALMS);
        ServerConfig server = new ServerConfig(address("127.0.0.1"), 0, 0, 16, Duration.ofSeconds(1),
                Duration.ofSeconds(5), DirectoryDownPolicy.DEFAULT);
        GovroamConfig config = new GovroamConfig(Path.of("govroam-test.yaml"), server,
                new AccountingConfig(Path.of("accounting")), sanity, clients, List.of(), List.of());
        return new ServiceSnapshot(config, new ClientRegistry(clients), new Router(List.of(), sanity), Map.of());
    }

    /**
     * The listener pipeline of {@link RadiusListeners}, in the same order and under the same names, on an
     * {@link EmbeddedChannel}: datagrams in with {@code writeInbound}, replies out with {@code readOutbound}.
     */
    static EmbeddedChannel pipeline(ListenerKind kind, ServiceSnapshot snapshot, RequestProcessor processor,
                                    java.util.concurrent.Executor executor, java.util.concurrent.Semaphore inFlight,
                                    DuplicateCache cache, TransportCounters counters) {
        RateLimitedLog log = dropLog();
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline()
                .addLast(HandlerNames.CLIENT_LOOKUP, new ClientLookupHandler(() -> snapshot, counters, log))
                .addLast(HandlerNames.PACKET_DECODER, new RadiusPacketDecoder(kind, counters, log))
                .addLast(HandlerNames.AUTHENTICITY, new RequestAuthenticityFilter(counters, log))
                .addLast(HandlerNames.STATUS_SERVER, new StatusServerHandler(kind, counters))
                .addLast(HandlerNames.DUPLICATES, new DuplicateRequestFilter(cache, counters))
                .addLast(HandlerNames.DISPATCHER, new RequestDispatcher(processor, executor, inFlight, cache, counters, log));
        return channel;
    }

    /** A datagram from {@link #NAS} to {@code listener} in a leak-tracked pooled buffer, as a real channel delivers. */
    static DatagramPacket datagram(byte[] octets, InetSocketAddress listener) {
        return new DatagramPacket(io.netty.buffer.ByteBufAllocator.DEFAULT.buffer(octets.length).writeBytes(octets),
                listener, NAS);
    }

    static RateLimitedLog dropLog() {
        return new RateLimitedLog(LoggerFactory.getLogger("govroam.drops.test"), 10_000);
    }

    static byte[] authenticator(int seed) {
        byte[] a = new byte[16];
        Arrays.fill(a, (byte) seed);
        a[0] = (byte) 0xA5;
        return a;
    }

    static byte[] accessRequest(int identifier, byte[] authenticator, boolean messageAuthenticator,
                                RadiusAttribute... attributes) {
        return PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, identifier, authenticator, List.of(attributes),
                SECRET, messageAuthenticator);
    }

    static byte[] statusServer(int identifier, byte[] authenticator) {
        return PacketEncoder.encodeRequest(PacketCode.STATUS_SERVER, identifier, authenticator, List.of(), SECRET, true);
    }

    static byte[] accountingRequest(int identifier, boolean messageAuthenticator, RadiusAttribute... attributes) {
        return PacketEncoder.encodeRequest(PacketCode.ACCOUNTING_REQUEST, identifier, new byte[16], List.of(attributes),
                SECRET, messageAuthenticator);
    }

    static RadiusAttribute userName(String name) {
        return RadiusAttribute.ofString(AttributeType.USER_NAME, name);
    }

    static RadiusAttribute proxyState(String value) {
        return RadiusAttribute.ofString(AttributeType.PROXY_STATE, value);
    }

    static InboundRequest inbound(ClientConfig client, byte[] wire, InetSocketAddress recipient, long receivedNanos) {
        DecodeResult result = PacketDecoder.decode(wire);
        DecodeResult.Decoded decoded = assertInstanceOf(DecodeResult.Decoded.class, result, "test packet must decode");
        return new InboundRequest(snapshot(List.of(client)), client, decoded.packet(), decoded.wire(), NAS, recipient,
                receivedNanos);
    }

    static InboundRequest inbound(ClientConfig client, byte[] wire) {
        return inbound(client, wire, AUTH_LISTENER, System.nanoTime());
    }

    /** Reads the next outbound datagram, checks its recipient, copies its octets and releases it. */
    static byte[] readReply(EmbeddedChannel channel, InetSocketAddress expectedRecipient) {
        DatagramPacket datagram = channel.readOutbound();
        assertNotNull(datagram, "expected a reply datagram");
        try {
            assertEquals(expectedRecipient, datagram.recipient());
            return ByteBufUtil.getBytes(datagram.content());
        } finally {
            datagram.release();
        }
    }

    static RadiusPacket decode(byte[] wire) {
        return assertInstanceOf(DecodeResult.Decoded.class, PacketDecoder.decode(wire)).packet();
    }

    /**
     * Checks a reply independently of the codec: the Response Authenticator (RFC 2865 3) and, when present, the
     * Message-Authenticator (RFC 3579 3.2), both over the request's authenticator.
     */
    static void assertReplyVerifies(byte[] reply, byte[] requestAuthenticator) {
        byte[] withRequestAuthenticator = reply.clone();
        System.arraycopy(requestAuthenticator, 0, withRequestAuthenticator, 4, 16);
        int offset = messageAuthenticatorOffset(reply);
        if (offset >= 0) {
            byte[] zeroed = withRequestAuthenticator.clone();
            Arrays.fill(zeroed, offset, offset + 16, (byte) 0);
            assertArrayEquals(hmacMd5(zeroed), Arrays.copyOfRange(reply, offset, offset + 16),
                    "Message-Authenticator of the reply");
        }
        assertArrayEquals(md5(withRequestAuthenticator, SECRET), Arrays.copyOfRange(reply, 4, 20),
                "Response Authenticator of the reply");
    }

    static int messageAuthenticatorOffset(byte[] wire) {
        for (int pos = 20; pos + 2 <= wire.length; pos += wire[pos + 1] & 0xFF) {
            if ((wire[pos] & 0xFF) == AttributeType.MESSAGE_AUTHENTICATOR) {
                return pos + 2;
            }
        }
        return -1;
    }

    static List<Integer> attributeTypes(RadiusPacket packet) {
        return packet.attributes().stream().map(RadiusAttribute::type).toList();
    }

    private static byte[] md5(byte[] a, byte[] b) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(a);
            md5.update(b);
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] hmacMd5(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(SECRET, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
