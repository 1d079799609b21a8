package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.ldap.testing.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No shared secret, service-account password or user password ever reaches a log (STYLE.md 8): every log event of
 * the JVM is captured, with the server's own loggers at DEBUG, while the server starts, takes good and bad traffic of
 * every kind, loses its directory, and stops.
 */
class LogHygieneE2eTest {
    private static final String WRONG_PASSWORD = "Wr0ng-Guess-Pa55word!";
    private static final String WRONG_SECRET = "Guessed-Shared-Secret-8842";

    @TempDir
    static Path dir;
    private static LogCapture logs;
    private static List<ILoggingEvent> events;

    @BeforeAll
    static void runTrafficOfEveryKind() {
        logs = LogCapture.start(Level.DEBUG);
        try (Slapd slapd = Slapd.start(); E2eServer server = E2eServer.start(dir, slapd,
                E2eServer.Options.rejectDelay("10ms").ldapTimeouts("500ms", "500ms", "500ms"))) {
            for (TestUser user : TestDirectory.USERS) {
                RadClient.authenticate(server.authAddress(), E2eServer.SECRET, user.mail(), user.password());
                RadClient.authenticate(server.authAddress(), E2eServer.SECRET, user.mail(), WRONG_PASSWORD);
            }
            RadClient.authenticate(server.authAddress(), E2eServer.SECRET, "x@gmail.com", WRONG_PASSWORD);
            RadClient.authenticate(server.authAddress(), WRONG_SECRET, TestDirectory.STAFF_USER.mail(), WRONG_PASSWORD);
            RadClient.send(server.authAddress(), "auth", E2eServer.SECRET, "User-Name = \"jan.jansen@gemeente-test.nl\", "
                    + "User-Password = " + RadClient.quoted(WRONG_PASSWORD), Duration.ofSeconds(1));
            RadClient.send(server.accountingAddress(), "acct", WRONG_SECRET, "User-Name = \"x@elders.nl\", "
                    + "Acct-Status-Type = Start, Acct-Session-Id = \"log-1\"", Duration.ofSeconds(1));
            RadClient.send(server.accountingAddress(), "acct", E2eServer.SECRET, "User-Name = \"x@elders.nl\", "
                    + "Acct-Status-Type = Start, Acct-Session-Id = \"log-2\"", Duration.ofSeconds(1));
            RadClient.send(server.authAddress(), "status", E2eServer.SECRET, "Message-Authenticator = 0x00",
                    Duration.ofSeconds(1));
            try (UdpClient stranger = new UdpClient(E2eServer.UNKNOWN_SOURCE);
                 UdpClient legacy = new UdpClient(E2eServer.LEGACY_NAS);
                 UdpClient nas = new UdpClient(E2eServer.NAS)) {
                stranger.exchange(UdpClient.accessRequest(E2eServer.SECRET, true, TestDirectory.PLAIN_USER.mail(),
                        TestDirectory.PLAIN_USER.password()).wire(), server.authAddress(), Duration.ofMillis(200));
                legacy.exchange(UdpClient.accessRequest(E2eServer.LEGACY_SECRET, false, TestDirectory.PLAIN_USER.mail(),
                        TestDirectory.PLAIN_USER.password()).wire(), server.authAddress(), Duration.ofSeconds(1));
                nas.exchange(new byte[] {1, 2, 3}, server.authAddress(), Duration.ofMillis(200));
            }
            slapd.freeze();
            try {
                RadClient.authenticate(server.authAddress(), E2eServer.SECRET, TestDirectory.PLAIN_USER.mail(),
                        TestDirectory.PLAIN_USER.password());
                try (UdpClient federation = new UdpClient(E2eServer.FEDERATION)) {
                    federation.exchange(UdpClient.accessRequest(E2eServer.FEDERATION_SECRET, true,
                            TestDirectory.STAFF_USER.mail(), TestDirectory.STAFF_USER.password()).wire(),
                            server.authAddress(), Duration.ofSeconds(2));
                }
            } finally {
                slapd.thaw();
            }
        } finally {
            events = logs.events();
            logs.close();
        }
    }

    @AfterAll
    static void release() {
        events = null;
    }

    @Test
    void theCaptureSawTheServerWork() {
        List<String> auth = events.stream().filter(e -> e.getLoggerName().equals("govroam.auth"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(auth.stream().anyMatch(m -> m.startsWith("result=accept")), () -> "auth log: " + auth);
        assertTrue(auth.stream().anyMatch(m -> m.startsWith("result=reject")), () -> "auth log: " + auth);
        assertTrue(auth.stream().anyMatch(m -> m.startsWith("result=no-reply")), () -> "auth log: " + auth);
        assertTrue(events.stream().anyMatch(e -> e.getLoggerName().equals("govroam.drops")), "drop log lines");
    }

    @Test
    void noLogEventContainsASharedSecret() {
        assertNoEventContains(E2eServer.SECRET, E2eServer.LEGACY_SECRET, E2eServer.FEDERATION_SECRET, WRONG_SECRET);
    }

    @Test
    void noLogEventContainsTheServiceAccountPassword() {
        assertNoEventContains(TestDirectory.SERVICE_PASSWORD);
    }

    @Test
    void noLogEventContainsAUserPassword() {
        List<String> passwords = new ArrayList<>(TestDirectory.USERS.stream().map(TestUser::password).toList());
        passwords.add(WRONG_PASSWORD);
        assertNoEventContains(passwords.toArray(String[]::new));
    }

    private static void assertNoEventContains(String... secrets) {
        assertFalse(events.isEmpty(), "no log events were captured");
        for (String secret : secrets) {
            Optional<String> leak = events.stream().map(LogCapture::fullText).filter(t -> t.contains(secret)).findFirst();
            assertEquals(Optional.empty(), leak.map(t -> t.replace(secret, "<" + secret.length() + " chars>")),
                    "a log event contains a secret or password");
        }
    }
}
