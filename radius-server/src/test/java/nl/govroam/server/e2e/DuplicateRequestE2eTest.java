package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.ldap.testing.TestUser;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.transport.DropReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retransmissions (RFC 5080 2.2.2, federation-rules.md 9): the same datagram from the same source port is answered
 * from the cache with the same octets, and a retransmission while the first is still being worked on (here: held
 * in the reject delay) is not answered twice. Whether the directory was asked again is read from the auth log:
 * one line per decision, each request marked with its own Calling-Station-Id.
 */
class DuplicateRequestE2eTest {
    private static final TestUser PLAIN = TestDirectory.PLAIN_USER;
    private static final Duration REJECT_DELAY = Duration.ofMillis(600);

    @TempDir
    static Path dir;
    private static Slapd slapd;
    private static E2eServer server;
    private static LogCapture logs;

    @BeforeAll
    static void start() {
        logs = LogCapture.start(Level.INFO);
        slapd = Slapd.start();
        server = E2eServer.start(dir, slapd, E2eServer.Options.rejectDelay(REJECT_DELAY.toMillis() + "ms"));
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

    @Test
    void retransmissionOfAnAnsweredRequestGetsTheSameReplyWithoutAskingTheDirectoryAgain() {
        String mark = mark();
        long duplicatesBefore = server.counters().duplicatesAnswered();
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), PLAIN.password(),
                    callingStation(mark));

            byte[] first = nas.exchange(request.wire(), server.authAddress(), Duration.ofSeconds(2)).orElseThrow(
                    () -> new AssertionError("no reply to the first transmission"));
            byte[] second = nas.exchange(request.wire(), server.authAddress(), Duration.ofSeconds(2)).orElseThrow(
                    () -> new AssertionError("no reply to the retransmission"));
            byte[] third = nas.exchange(request.wire(), server.authAddress(), Duration.ofSeconds(2)).orElseThrow(
                    () -> new AssertionError("no reply to the second retransmission"));

            assertEquals(PacketCode.ACCESS_ACCEPT, UdpClient.verifiedReply(first, request, E2eServer.SECRET).code());
            assertArrayEquals(first, second);
            assertArrayEquals(first, third);
        }
        E2eServer.awaitCount("duplicates answered", () -> server.counters().duplicatesAnswered(), duplicatesBefore + 2,
                Duration.ofSeconds(1));
        assertEquals(1, decisionsFor(mark), "auth log lines (directory lookups) for the request");
    }

    @Test
    void retransmissionWhileTheFirstIsHeldInTheRejectDelayIsNotAnsweredTwice() {
        String mark = mark();
        long inProgressBefore = server.drops(DropReason.DUPLICATE_IN_PROGRESS);
        long duplicatesBefore = server.counters().duplicatesAnswered();
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(),
                    "wrong-" + PLAIN.password(), callingStation(mark));

            nas.send(request.wire(), server.authAddress());
            E2eServer.sleep(REJECT_DELAY.dividedBy(3));
            nas.send(request.wire(), server.authAddress());

            byte[] reject = nas.receive(REJECT_DELAY.multipliedBy(3)).orElseThrow(() -> new AssertionError("no reply"));
            assertEquals(PacketCode.ACCESS_REJECT, UdpClient.verifiedReply(reject, request, E2eServer.SECRET).code());
            assertEquals(Optional.empty(), nas.receive(REJECT_DELAY.multipliedBy(2)).map(r -> "a second reply"),
                    "the retransmission in progress must not be answered");
            assertEquals(inProgressBefore + 1, server.drops(DropReason.DUPLICATE_IN_PROGRESS));

            byte[] late = nas.exchange(request.wire(), server.authAddress(), Duration.ofSeconds(1)).orElseThrow(
                    () -> new AssertionError("no reply to a retransmission after the answer"));
            assertArrayEquals(reject, late, "once answered, a retransmission gets the cached reply");
        }
        assertEquals(duplicatesBefore + 1, server.counters().duplicatesAnswered());
        assertEquals(1, decisionsFor(mark), "auth log lines (directory lookups) for the request");
    }

    @Test
    void sameIdentifierWithANewAuthenticatorIsANewRequest() {
        String mark = mark();
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            UdpClient.Request first = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), PLAIN.password(),
                    callingStation(mark));
            UdpClient.Request next;
            do {
                next = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), PLAIN.password(), callingStation(mark));
            } while (next.identifier() != first.identifier());

            byte[] firstReply = nas.exchange(first.wire(), server.authAddress(), Duration.ofSeconds(2)).orElseThrow(
                    () -> new AssertionError("no reply to the first request"));
            byte[] nextReply = nas.exchange(next.wire(), server.authAddress(), Duration.ofSeconds(2)).orElseThrow(
                    () -> new AssertionError("no reply to the next request"));

            assertEquals(PacketCode.ACCESS_ACCEPT, UdpClient.verifiedReply(firstReply, first, E2eServer.SECRET).code());
            assertEquals(PacketCode.ACCESS_ACCEPT, UdpClient.verifiedReply(nextReply, next, E2eServer.SECRET).code());
        }
        assertEquals(2, decisionsFor(mark), "each request is decided on its own");
    }

    @Test
    void sameRequestFromAnotherSourcePortIsANewRequest() {
        String mark = mark();
        UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(), PLAIN.password(),
                callingStation(mark));
        for (int port = 0; port < 2; port++) {
            try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
                byte[] reply = nas.exchange(request.wire(), server.authAddress(), Duration.ofSeconds(2)).orElseThrow(
                        () -> new AssertionError("no reply"));
                assertEquals(PacketCode.ACCESS_ACCEPT, UdpClient.verifiedReply(reply, request, E2eServer.SECRET).code());
            }
        }
        assertEquals(2, decisionsFor(mark), "the source port is part of the duplicate key");
    }

    private static String mark() {
        return "e2e-" + UUID.randomUUID();
    }

    private static RadiusAttribute callingStation(String mark) {
        return RadiusAttribute.ofString(AttributeType.CALLING_STATION_ID, mark);
    }

    private static long decisionsFor(String mark) {
        server.awaitDecisionsWritten();
        return logs.messages("govroam.auth").stream().filter(m -> m.contains(mark)).count();
    }
}
