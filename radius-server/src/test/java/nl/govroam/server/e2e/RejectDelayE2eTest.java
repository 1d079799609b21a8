package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.ldap.testing.TestUser;
import nl.govroam.server.codec.PacketCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reject delay slows password guessing: an Access-Reject is held back, an Access-Accept is not. */
class RejectDelayE2eTest {
    private static final TestUser PLAIN = TestDirectory.PLAIN_USER;
    private static final Duration REJECT_DELAY = Duration.ofMillis(500);
    private static final Duration TOLERANCE = Duration.ofMillis(50);

    @TempDir
    static Path dir;
    private static Slapd slapd;
    private static E2eServer server;

    @BeforeAll
    static void start() {
        slapd = Slapd.start();
        server = E2eServer.start(dir, slapd, E2eServer.Options.rejectDelay(REJECT_DELAY.toMillis() + "ms"));
        RadClient.authenticate(server.authAddress(), E2eServer.SECRET, PLAIN.mail(), PLAIN.password());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    void wrongPasswordIsRejectedNoSoonerThanTheDelay() {
        RadClient.Result result = RadClient.authenticate(server.authAddress(), E2eServer.SECRET, PLAIN.mail(),
                "wrong-" + PLAIN.password());

        assertEquals(Optional.of("Access-Reject"), result.replyCode(), result::output);
        assertAtLeastTheDelay(result);
    }

    @Test
    void rejectIsHeldBackOnTheWireMeasuredFromSendToReceive() {
        try (UdpClient nas = new UdpClient(E2eServer.NAS)) {
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true, PLAIN.mail(),
                    "wrong-" + PLAIN.password());
            long start = System.nanoTime();
            byte[] reply = nas.exchange(request.wire(), server.authAddress(), REJECT_DELAY.plusSeconds(2))
                    .orElseThrow(() -> new AssertionError("no reply"));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(PacketCode.ACCESS_REJECT, UdpClient.verifiedReply(reply, request, E2eServer.SECRET).code());
            assertTrue(elapsed.compareTo(REJECT_DELAY.minus(TOLERANCE)) >= 0, "the reject came after "
                    + elapsed.toMillis() + " ms");
        }
    }

    @Test
    void realmSanityRejectIsDelayedToo() {
        RadClient.Result result = RadClient.authenticate(server.authAddress(), E2eServer.SECRET, "x@gmail.com",
                PLAIN.password());

        assertEquals(Optional.of("Access-Reject"), result.replyCode(), result::output);
        assertAtLeastTheDelay(result);
    }

    @Test
    void acceptIsNotDelayed() {
        RadClient.Result result = RadClient.authenticate(server.authAddress(), E2eServer.SECRET, PLAIN.mail(),
                PLAIN.password());

        assertEquals(Optional.of("Access-Accept"), result.replyCode(), result::output);
        assertTrue(result.elapsed().compareTo(REJECT_DELAY.minus(TOLERANCE)) < 0,
                "the accept took " + result.elapsed().toMillis() + " ms");
    }

    private static void assertAtLeastTheDelay(RadClient.Result result) {
        assertTrue(result.elapsed().compareTo(REJECT_DELAY.minus(TOLERANCE)) >= 0,
                "the reject came after " + result.elapsed().toMillis() + " ms, sooner than the delay of "
                        + REJECT_DELAY.toMillis() + " ms");
    }
}
