package nl.govroam.ldap;

import static nl.govroam.ldap.testing.TestDirectory.STAFF_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import org.junit.jupiter.api.Test;

class ServerFailoverTest {
    private static final LoginName STAFF = new LoginName(STAFF_USER.uid(), "");

    private static AuthOutcome staffLogin(DirectoryAuthenticator directory) {
        return directory.authenticate(STAFF, STAFF_USER.password().toCharArray());
    }

    /** A loopback port nothing listens on: connect is refused at once. */
    private static URI closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("ldap://127.0.0.1:" + socket.getLocalPort());
        }
    }

    @Test
    void deadFirstServerIsSkippedAndShownDown() throws IOException {
        URI dead = closedPort();
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("failover", List.of(dead, slapd.uri()))
                        .deadServerRetry(Duration.ofSeconds(30)).build())) {
            assertInstanceOf(AuthOutcome.Accepted.class, staffLogin(directory));
            List<ServerHealth> health = directory.health();
            assertEquals(dead.toString(), health.get(0).url());
            assertFalse(health.get(0).up());
            assertTrue(health.get(0).lastError().isPresent());
            assertTrue(health.get(1).up());
            assertInstanceOf(AuthOutcome.Accepted.class, staffLogin(directory));
        }
    }

    @Test
    void allServersDownIsUnavailable() throws IOException {
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("down",
                        List.of(closedPort(), closedPort())).build())) {
            assertInstanceOf(AuthOutcome.Unavailable.class, staffLogin(directory));
            assertInstanceOf(AuthOutcome.Unavailable.class, directory.lookup(STAFF));
            assertTrue(directory.health().stream().noneMatch(ServerHealth::up));
        }
    }

    @Test
    void frozenServerIsUnavailableWithinTheBoundThenComesBackAfterAProbe() throws Exception {
        Duration connect = Duration.ofMillis(500);
        Duration operation = Duration.ofMillis(500);
        Duration poolWait = Duration.ofMillis(500);
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = Directories.open(slapd.settingsBuilder("frozen")
                        .connectTimeout(connect).operationTimeout(operation).poolMaxWait(poolWait)
                        .deadServerRetry(Duration.ofMillis(200)).build())) {
            assertInstanceOf(AuthOutcome.Accepted.class, staffLogin(directory));
            slapd.freeze();
            try {
                long start = System.nanoTime();
                AuthOutcome outcome = staffLogin(directory);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                assertInstanceOf(AuthOutcome.Unavailable.class, outcome);
                Duration bound = poolWait.plus(connect).plus(operation);
                assertTrue(elapsed.compareTo(bound.plusMillis(500)) < 0, "took " + elapsed);
                assertFalse(directory.health().get(0).up());
                // down now: answered at once, no waiting
                long again = System.nanoTime();
                assertInstanceOf(AuthOutcome.Unavailable.class, staffLogin(directory));
                assertTrue(Duration.ofNanos(System.nanoTime() - again).toMillis() < 100);
            } finally {
                slapd.thaw();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!directory.health().get(0).up() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(directory.health().get(0).up(), "probe did not find the server back");
            assertInstanceOf(AuthOutcome.Accepted.class, staffLogin(directory));
        }
    }

    @Test
    void refusedServiceBindIsUnavailableWithAClearReasonAndNoPassword() {
        String wrongPassword = "Not-The-Service-Pa55";
        try (Slapd slapd = Slapd.start();
                DirectoryAuthenticator directory = Directories.open(DirectorySettings.builder("refused",
                                List.of(slapd.uri()), TestDirectory.SERVICE_DN, wrongPassword.toCharArray(),
                                TestDirectory.PEOPLE_DN).build())) {
            AuthOutcome.Unavailable unavailable = assertInstanceOf(AuthOutcome.Unavailable.class, staffLogin(directory));
            assertTrue(unavailable.reason().contains("service account bind refused for " + TestDirectory.SERVICE_DN
                    + " at " + slapd.uri()), unavailable.reason());
            assertFalse(unavailable.reason().contains(wrongPassword));
            assertFalse(unavailable.reason().contains(TestDirectory.SERVICE_PASSWORD));
            assertTrue(directory.health().get(0).up(), "a refused bind is an answer: the server is up");
            assertInstanceOf(AuthOutcome.Unavailable.class, directory.lookup(STAFF));
        }
    }
}
