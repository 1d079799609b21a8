package nl.govroam.ldap;

import static nl.govroam.ldap.testing.TestDirectory.STAFF_USER;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.govroam.ldap.testing.Slapd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ldaps:// and StartTLS against slapd with a certificate of a test CA; the host name is checked. */
class CaTrustTest {
    private static final LoginName STAFF = new LoginName(STAFF_USER.uid(), "");

    /** A failed handshake is reported only when the operation timeout ends (Apache LDAP API 2.1.9). */
    private static final Duration SHORT = Duration.ofMillis(500);

    private static AuthOutcome staffLogin(DirectoryAuthenticator directory) {
        return directory.authenticate(STAFF, STAFF_USER.password().toCharArray());
    }

    @Test
    void ldapsAndStartTlsWorkWithTheRightNameAndCa() {
        try (Slapd slapd = Slapd.builder().tls("IP:127.0.0.1", "DNS:localhost").start()) {
            try (DirectoryAuthenticator ldaps = Directories.open(slapd.settingsBuilder("ldaps", List.of(slapd.ldapsUri()))
                    .caFile(slapd.caFile()).build())) {
                assertInstanceOf(AuthOutcome.Accepted.class, staffLogin(ldaps));
            }
            try (DirectoryAuthenticator startTls = Directories.open(slapd.settingsBuilder("starttls")
                    .startTls(true).caFile(slapd.caFile()).build())) {
                assertInstanceOf(AuthOutcome.Accepted.class, staffLogin(startTls));
            }
            try (DirectoryAuthenticator untrusted = Directories.open(slapd.settingsBuilder("jvm-trust",
                    List.of(slapd.ldapsUri())).operationTimeout(SHORT).build())) {
                assertInstanceOf(AuthOutcome.Unavailable.class, staffLogin(untrusted));
            }
        }
    }

    @Test
    void certificateForAnotherNameIsUnavailable() {
        try (Slapd slapd = Slapd.builder().tls("DNS:wrong.example").start()) {
            try (DirectoryAuthenticator ldaps = Directories.open(slapd.settingsBuilder("ldaps", List.of(slapd.ldapsUri()))
                    .caFile(slapd.caFile()).operationTimeout(SHORT).build())) {
                AuthOutcome.Unavailable unavailable = assertInstanceOf(AuthOutcome.Unavailable.class, staffLogin(ldaps));
                assertTrue(unavailable.reason().contains(slapd.ldapsUri().toString()), unavailable.reason());
            }
            try (DirectoryAuthenticator startTls = Directories.open(slapd.settingsBuilder("starttls")
                    .startTls(true).caFile(slapd.caFile()).operationTimeout(SHORT).build())) {
                assertInstanceOf(AuthOutcome.Unavailable.class, staffLogin(startTls));
            }
        }
    }

    @Test
    void unreadableCaFileIsAConfigurationError(@TempDir Path dir) throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        try (Slapd slapd = Slapd.start()) {
            assertThrows(IllegalArgumentException.class,
                    () -> Directories.open(slapd.settingsBuilder("bad-ca").caFile(notPem).build()));
        }
    }
}
