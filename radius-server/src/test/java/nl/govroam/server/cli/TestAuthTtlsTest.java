package nl.govroam.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.govroam.server.certs.CertificateIssuer;
import nl.govroam.server.certs.DevCertificates;
import nl.govroam.server.certs.PemWriter;
import nl.govroam.server.ops.testing.OpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code govroam test-auth --method ttls-pap} against the server in-process (embedded demo directory, development
 * certificates). The server proposes PEAP first, so every run also exercises the client's Legacy-Nak.
 */
class TestAuthTtlsTest {
    @TempDir
    static Path dir;
    private static OpsServer server;

    @BeforeAll
    static void start() {
        server = OpsServer.start(dir, OpsServer.yaml(dir, "", OpsServer.EAP_SECTION));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CliOutput ttls(String password, String... extra) {
        List<String> args = new ArrayList<>(List.of("test-auth", "--method", "ttls-pap", "--server",
                "127.0.0.1:" + server.authPort(), "--secret", OpsServer.SECRET, "--user", OpsServer.JAN,
                "--password", password, "--timeout", "8s"));
        args.addAll(List.of(extra));
        return CliOutput.run(args.toArray(String[]::new));
    }

    private static String ca() {
        return dir.resolve("certs").resolve(DevCertificates.CA_CERT).toString();
    }

    @ParameterizedTest(name = "TLS {0}")
    @ValueSource(strings = {"1.2", "1.3"})
    void acceptIsExit0WithMatchingKeys(String version) {
        CliOutput r = ttls(OpsServer.PASSWORD, "--ca", ca(), "--server-name", DevCertificates.SERVER_NAME,
                "--tls-version", version);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("Access-Accept from 127.0.0.1:" + server.authPort()), r.out());
        assertTrue(r.out().contains("EAP-TTLS/PAP, TLSv" + version), r.out());
        assertTrue(r.out().contains("MPPE keys: match the TLS keys"), r.out());
        assertTrue(r.out().contains("VLAN: 100"), r.out());
    }

    @Test
    void anonymousIdentityCanBeChosenAndTheAcceptNamesTheInnerUserToItsOwnNas() {
        CliOutput r = ttls(OpsServer.PASSWORD, "--ca", ca(), "--anonymous-identity", "@demodorp.example");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("User-Name: " + OpsServer.JAN), r.out());
    }

    @Test
    void wrongPasswordIsExit1() {
        CliOutput r = ttls("not-her-password", "--ca", ca());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("Access-Reject"), r.out());
    }

    @Test
    void aServerCertificateForAnotherNameIsRefusedBeforeThePasswordIsSent() {
        CliOutput r = ttls(OpsServer.PASSWORD, "--ca", ca(), "--server-name", "radius.elders.example");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("server certificate refused"), r.out());
        assertTrue(r.out().contains("not radius.elders.example"), r.out());
    }

    @Test
    void aServerCertificateFromAnotherCaIsRefused() throws Exception {
        Path other = dir.resolve("other-ca.pem");
        PemWriter.writeCertificates(other, CertificateIssuer.newCa("not the server's CA", Duration.ofDays(1)).chain());
        CliOutput r = ttls(OpsServer.PASSWORD, "--ca", other.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("does not validate against the CA file"), r.out());
    }

    @Test
    void withoutCaItRefusesUnlessInsecure() {
        CliOutput refused = ttls(OpsServer.PASSWORD);
        assertEquals(2, refused.exitCode(), refused.out() + refused.err());
        assertTrue(refused.err().contains("--insecure"), refused.err());
        CliOutput insecure = ttls(OpsServer.PASSWORD, "--insecure");
        assertEquals(0, insecure.exitCode(), insecure.out() + insecure.err());
        assertTrue(insecure.err().contains("not checked"), insecure.err());
    }

    @Test
    void noServerIsExit2() {
        CliOutput r = CliOutput.run("test-auth", "--method", "ttls-pap", "--server", "127.0.0.1:9", "--secret", "s",
                "--user", OpsServer.JAN, "--password", "p", "--insecure", "--timeout", "1200ms");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("no reply from"), r.out());
    }
}
