package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.ldap.testing.TestUser;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.transport.DropReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Garbage from a known client (127.0.0.1) on both ports: each datagram is dropped silently and counted as malformed,
 * the server keeps answering (a real radclient request right after each is accepted), and nothing escapes as an
 * exception or an ERROR in the log.
 */
class MalformedDatagramE2eTest {
    private static final TestUser PLAIN = TestDirectory.PLAIN_USER;
    private static final Duration SILENCE = Duration.ofMillis(300);

    @TempDir
    static Path dir;
    private static Slapd slapd;
    private static E2eServer server;
    private static LogCapture logs;

    @BeforeAll
    static void start() {
        logs = LogCapture.start(Level.INFO);
        slapd = Slapd.start();
        server = E2eServer.start(dir, slapd, E2eServer.Options.rejectDelay("100ms"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (slapd != null) {
            slapd.close();
        }
        if (logs != null) {
            logs.close();
        }
    }

    @AfterEach
    void serverStillAnswersAndLoggedNoFailure() {
        RadClient.Result result = RadClient.authenticate(server.authAddress(), E2eServer.SECRET, PLAIN.mail(),
                PLAIN.password());
        assertEquals(Optional.of("Access-Accept"), result.replyCode(), result::output);
        RadClient.Result status = RadClient.send(server.accountingAddress(), "status", E2eServer.SECRET,
                "Message-Authenticator = 0x00", Duration.ofSeconds(1));
        assertEquals(Optional.of("Accounting-Response"), status.replyCode(), status::output);
        logs.assertNoErrorsOrStackTraces();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 19, 20, 21, 64, 4096})
    void randomBytesAreDroppedAsMalformed(int size) {
        byte[] datagram = new byte[size];
        new Random(size).nextBytes(datagram);
        if (size >= 4) {
            datagram[2] = (byte) 0xFF;
        }
        assertDroppedAsMalformed(datagram, server.authAddress());
        assertDroppedAsMalformed(datagram, server.accountingAddress());
    }

    @Test
    void emptyDatagramIsDropped() {
        long received = server.counters().received();
        long malformed = server.drops(DropReason.MALFORMED);
        long replies = server.counters().replies();
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            assertEquals(Optional.empty(), nas.exchange(new byte[0], server.authAddress(), SILENCE).map(Arrays::toString));
        }
        assertEquals(replies, server.counters().replies());
        if (server.counters().received() > received) {
            E2eServer.awaitCount("malformed drops", () -> server.drops(DropReason.MALFORMED), malformed + 1, SILENCE);
        }
    }

    @Test
    void lengthFieldLongerThanTheDatagramIsDropped() {
        byte[] datagram = valid(PacketCode.ACCESS_REQUEST);
        byte[] forty = Arrays.copyOf(datagram, 40);
        setLength(forty, 200);
        assertDroppedAsMalformed(forty, server.authAddress());
    }

    @Test
    void lengthFieldUnderTheHeaderIsDropped() {
        byte[] datagram = valid(PacketCode.ACCESS_REQUEST);
        setLength(datagram, 19);
        assertDroppedAsMalformed(datagram, server.authAddress());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void attributeShorterThanItsHeaderIsDropped(int attributeLength) {
        byte[] datagram = new byte[30];
        datagram[0] = (byte) PacketCode.ACCESS_REQUEST.value();
        setLength(datagram, datagram.length);
        datagram[20] = (byte) AttributeType.USER_NAME;
        datagram[21] = (byte) attributeLength;
        assertDroppedAsMalformed(datagram, server.authAddress());
    }

    @Test
    void attributeRunningPastTheEndIsDropped() {
        byte[] datagram = valid(PacketCode.ACCESS_REQUEST);
        int last = lastAttributeOffset(datagram);
        datagram[last + 1] = (byte) (datagram.length - last + 1);
        assertDroppedAsMalformed(datagram, server.authAddress());
    }

    @Test
    void attributeOfTypeZeroIsDropped() {
        byte[] datagram = valid(PacketCode.ACCESS_REQUEST);
        datagram[lastAttributeOffset(datagram)] = 0;
        assertDroppedAsMalformed(datagram, server.authAddress());
    }

    @Test
    void datagramOverTheMaximumPacketLengthIsDropped() {
        byte[] valid = valid(PacketCode.ACCESS_REQUEST);
        byte[] huge = Arrays.copyOf(valid, 5000);
        assertDroppedAsMalformed(huge, server.authAddress());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 13, 40, 99, 255})
    void unknownCodeIsDropped(int code) {
        byte[] datagram = valid(PacketCode.ACCESS_REQUEST);
        datagram[0] = (byte) code;
        assertDroppedAsMalformed(datagram, server.authAddress());
        assertDroppedAsMalformed(datagram, server.accountingAddress());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 11})
    void replyCodesSentToTheServerAreDropped(int code) {
        byte[] datagram = valid(PacketCode.ACCESS_REQUEST);
        datagram[0] = (byte) code;
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            nas.assertDropped(datagram, server.authAddress(), "wrong-port", () -> server.drops(DropReason.WRONG_PORT));
        }
    }

    /** Trailing octets past the Length field are padding (RFC 2865 3): the request is still answered. */
    @Test
    void paddingAfterTheLengthFieldIsIgnored() {
        UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), PLAIN.password());
        byte[] padded = Arrays.copyOf(request.wire(), request.wire().length + 7);
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            byte[] reply = nas.exchange(padded, server.authAddress(), Duration.ofSeconds(2))
                    .orElseThrow(() -> new AssertionError("no reply"));
            assertEquals(PacketCode.ACCESS_ACCEPT, UdpClient.verifiedReply(reply, request, E2eServer.SECRET).code());
        }
    }

    /** A well-signed request with a NUL in the User-Name is a request with a bad name: rejected, not dropped. */
    @Test
    void userNameWithNulIsRejected() {
        assertSignedRequestRejected(() -> UdpClient.accessRequest(E2eServer.SECRET, true,
                PLAIN.uid() + "\0@" + E2eServer.REALM, PLAIN.password()));
    }

    @Test
    void userNameThatIsNotUtf8IsRejected() {
        byte[] name = (PLAIN.uid() + "?@" + E2eServer.REALM).getBytes(StandardCharsets.US_ASCII);
        name[PLAIN.uid().length()] = (byte) 0xC3;
        assertSignedRequestRejected(() -> UdpClient.accessRequest(E2eServer.SECRET, true, null, PLAIN.password(),
                new RadiusAttribute(AttributeType.USER_NAME, name)));
    }

    @Test
    void requestWithoutUserNameIsRejected() {
        assertSignedRequestRejected(() -> UdpClient.accessRequest(E2eServer.SECRET, true, null, PLAIN.password()));
    }

    @Test
    void userPasswordOfAnInvalidLengthIsRejected() {
        assertSignedRequestRejected(() -> UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), null,
                new RadiusAttribute(AttributeType.USER_PASSWORD, new byte[] {1, 2, 3, 4, 5})));
    }

    @Test
    void accessRequestWithoutAnyPasswordIsRejected() {
        assertSignedRequestRejected(() -> UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), null));
    }

    @Test
    void emptyUserNameAttributeIsRejected() {
        assertSignedRequestRejected(() -> UdpClient.accessRequest(E2eServer.SECRET, true, null, PLAIN.password(),
                new RadiusAttribute(AttributeType.USER_NAME, new byte[0])));
    }

    @Test
    void twoMessageAuthenticatorsAreDropped() {
        UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), PLAIN.password(),
                new RadiusAttribute(AttributeType.USER_NAME, new byte[0]));
        byte[] datagram = request.wire();
        int last = lastAttributeOffset(datagram);
        datagram[last] = (byte) AttributeType.MESSAGE_AUTHENTICATOR;
        byte[] withSecond = Arrays.copyOf(datagram, datagram.length + 16);
        withSecond[last + 1] = 18;
        setLength(withSecond, withSecond.length);
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            nas.assertDropped(withSecond, server.authAddress(), "bad-authenticator",
                    () -> server.drops(DropReason.BAD_AUTHENTICATOR));
        }
    }

    private static void assertSignedRequestRejected(Supplier<UdpClient.Request> build) {
        UdpClient.Request request = build.get();
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            byte[] reply = nas.exchange(request.wire(), server.authAddress(), Duration.ofSeconds(2))
                    .orElseThrow(() -> new AssertionError("no reply: a bad request must be rejected, not dropped"));
            assertEquals(PacketCode.ACCESS_REJECT, UdpClient.verifiedReply(reply, request, E2eServer.SECRET).code());
        }
    }

    private static void assertDroppedAsMalformed(byte[] datagram, InetSocketAddress port) {
        long replies = server.counters().replies();
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            nas.assertDropped(datagram, port, "malformed", () -> server.drops(DropReason.MALFORMED));
        }
        assertEquals(replies, server.counters().replies(), "replies sent");
    }

    /** A validly signed Access-Request with User-Name last. */
    private static byte[] valid(PacketCode code) {
        byte[] authenticator = PacketEncoder.randomAuthenticator();
        return UdpClient.request(code, E2eServer.SECRET, true, authenticator,
                List.of(RadiusAttribute.ofString(AttributeType.USER_NAME, PLAIN.mail()))).wire();
    }

    private static int lastAttributeOffset(byte[] wire) {
        int pos = 20;
        int last = pos;
        while (pos < wire.length) {
            last = pos;
            pos += wire[pos + 1] & 0xFF;
        }
        return last;
    }

    private static void setLength(byte[] datagram, int length) {
        datagram[2] = (byte) (length >>> 8);
        datagram[3] = (byte) length;
    }
}
