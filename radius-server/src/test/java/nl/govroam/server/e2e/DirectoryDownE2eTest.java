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
import nl.govroam.server.transport.DropReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A directory that stops answering (slapd frozen with SIGSTOP: connections accepted, nothing answered), with short
 * LDAP timeouts (500 ms). By the default policy (federation-rules.md 12) a NAS gets no reply, so it fails over to its
 * other RADIUS server; a federation proxy gets an Access-Reject, so it does not mark this server dead. Own slapd, so
 * freezing it touches no other test class.
 */
class DirectoryDownE2eTest {
    private static final TestUser PLAIN = TestDirectory.PLAIN_USER;
    private static final Duration LDAP_TIMEOUT = Duration.ofMillis(500);

    @TempDir
    static Path dir;
    private static Slapd slapd;
    private static E2eServer server;

    @BeforeAll
    static void start() {
        slapd = Slapd.start();
        String timeout = LDAP_TIMEOUT.toMillis() + "ms";
        server = E2eServer.start(dir, slapd, E2eServer.Options.rejectDelay("100ms").ldapTimeouts(timeout, timeout, timeout));
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
    void nasGetsNoReplyAndFederationGetsARejectWhileTheDirectoryIsDownThenAcceptsAgain() {
        assertEquals(Optional.of("Access-Accept"), nasLogin().replyCode(), "before the directory goes down");
        long unavailableBefore = server.drops(DropReason.DIRECTORY_UNAVAILABLE);

        slapd.freeze();
        try {
            RadClient.Result nas = RadClient.send(server.authAddress(), "auth", E2eServer.SECRET,
                    "User-Name = " + RadClient.quoted(PLAIN.mail()) + ", User-Password = "
                            + RadClient.quoted(PLAIN.password()) + ", Message-Authenticator = 0x00",
                    LDAP_TIMEOUT.multipliedBy(3).plusSeconds(1));
            assertTrue(nas.noReply(), nas::output);
            E2eServer.awaitCount("directory-unavailable drops", () -> server.drops(DropReason.DIRECTORY_UNAVAILABLE),
                    unavailableBefore + 1, Duration.ofSeconds(1));

            long start = System.nanoTime();
            try (UdpClient federation = new UdpClient(E2eServer.FEDERATION)) {
                UdpClient.Request request = UdpClient.accessRequest(E2eServer.FEDERATION_SECRET, true, PLAIN.mail(),
                        PLAIN.password());
                byte[] reply = federation.exchange(request.wire(), server.authAddress(),
                        LDAP_TIMEOUT.multipliedBy(3).plusSeconds(1)).orElseThrow(
                                () -> new AssertionError("a federation peer must get an answer while the directory is down"));
                assertEquals(PacketCode.ACCESS_REJECT,
                        UdpClient.verifiedReply(reply, request, E2eServer.FEDERATION_SECRET).code());
            }
            Duration federationWait = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(federationWait.compareTo(LDAP_TIMEOUT.multipliedBy(3).plusMillis(500)) < 0,
                    "the federation reject came after " + federationWait.toMillis() + " ms");

            RadClient.Result nasAgain = nasLogin();
            assertTrue(nasAgain.noReply(), nasAgain::output);
        } finally {
            slapd.thaw();
        }

        RadClient.Result afterThaw = awaitAccept(Duration.ofSeconds(10));
        assertEquals(Optional.of("Access-Accept"), afterThaw.replyCode(), afterThaw::output);
    }

    private static RadClient.Result nasLogin() {
        return RadClient.send(server.authAddress(), "auth", E2eServer.SECRET,
                "User-Name = " + RadClient.quoted(PLAIN.mail()) + ", User-Password = " + RadClient.quoted(PLAIN.password())
                        + ", Message-Authenticator = 0x00", Duration.ofSeconds(1));
    }

    /** The directory comes back by the dead-server probe; until then the NAS keeps getting silence. */
    private static RadClient.Result awaitAccept(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        RadClient.Result result;
        do {
            result = nasLogin();
        } while (result.noReply() && System.nanoTime() < deadline);
        return result;
    }
}
