package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.govroam.server.eap.testing.EapolTest;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole EAP conversations through our server: the real {@code eapol_test} as the NAS and supplicant, two real
 * FreeRADIUS home servers with their eap module (EAP-TTLS/PAP, PEAP-MSCHAPv2) in a load-balance pool. A conversation
 * that moved to the other home server would fail (that one has no EAP session), so SUCCESS proves it stayed on one
 * peer; {@code MPPE keys OK} proves the keys were decrypted with the peer's secret and encrypted again with the NAS's.
 */
class EapProxyIntegrationTest {
    private static final String USER = "bob@home.example";
    private static final String PASSWORD = "bob-password";
    @TempDir
    static Path dir;
    private static FreeRadiusServer first;
    private static FreeRadiusServer second;
    private static GovroamService server;

    @BeforeAll
    static void start() throws Exception {
        FreeRadiusServer.assumeInstalled();
        Assumptions.assumeTrue(EapolTest.executable() != null, "eapol_test (Debian package eapoltest) is not installed");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        TestCertificates.ca(certs, "home");
        TestCertificates.leaf(certs, "home", "radius.home.example");
        first = eapHomeServer(Files.createDirectories(dir.resolve("home1")), certs);
        second = eapHomeServer(Files.createDirectories(dir.resolve("home2")), certs);
        server = ProxyFixture.start(ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                realms:
                  - realm: demodorp.example
                    directory: demo
                  - realm: "*"
                    pool: national
                peers:
                  - name: home1
                    address: 127.0.0.1
                    port: %d
                    secret: %s
                    response-window: 5s
                  - name: home2
                    address: 127.0.0.1
                    port: %d
                    secret: %s
                    response-window: 5s
                pools:
                  - name: national
                    peers: [home1, home2]
                    balance: load-balance
                """.formatted(first.authPort(), ProxyFixture.PEER_SECRET, second.authPort(), ProxyFixture.PEER_SECRET))));
    }

    /** A FreeRADIUS home server for home.example with EAP-TTLS and PEAP, the inner methods in an inner-tunnel server. */
    private static FreeRadiusServer eapHomeServer(Path home, Path certs) {
        return FreeRadiusServer.start(home, FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET),
                "\"" + USER + "\" Cleartext-Password := \"" + PASSWORD + "\"\n",
                FreeRadiusServer.eapModules(certs, "home", "radius.home.example"), FreeRadiusServer.eapHomeSite(),
                FreeRadiusServer.innerTunnel());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private static EapolTest.Result eapol(String eap, String phase2) throws Exception {
        String network = "    phase1=\"tls_disable_tlsv1_3=1\"\n    eap=" + eap + "\n    identity=\"" + USER
                + "\"\n    anonymous_identity=\"anonymous@home.example\"\n    password=\"" + PASSWORD
                + "\"\n    phase2=\"auth=" + phase2 + "\"\n    ca_cert=\"" + dir.resolve("certs/home-ca.pem") + "\"";
        return EapolTest.run(dir, server.authAddress().getPort(), ProxyFixture.NAS_SECRET, network);
    }

    private static int accepts(FreeRadiusServer home) {
        return home.debugLog().split("Sent Access-Accept", -1).length - 1;
    }

    @Test
    void ttlsPapAndPeapMschapv2ConversationsSucceedWithKeysForTheNasOnOnePeerEach() throws Exception {
        for (String[] method : new String[][] {{"TTLS", "PAP"}, {"PEAP", "MSCHAPV2"}, {"TTLS", "PAP"}, {"PEAP", "MSCHAPV2"}}) {
            EapolTest.Result result = eapol(method[0], method[1]);
            assertTrue(result.success(), () -> method[0] + ":\n" + result.tail() + first.debugLog());
            assertTrue(result.mppeKeysMatch(), () -> method[0] + ":\n" + result.tail());
        }
        assertEquals(4, accepts(first) + accepts(second));
        assertTrue(accepts(first) > 0 && accepts(second) > 0,
                () -> "load-balance used one peer only: " + accepts(first) + " / " + accepts(second));
    }

    @Test
    void aWrongPasswordIsRejectedByTheHomeServer() throws Exception {
        String network = "    phase1=\"tls_disable_tlsv1_3=1\"\n    eap=TTLS\n    identity=\"" + USER
                + "\"\n    anonymous_identity=\"anonymous@home.example\"\n    password=\"wrong\"\n    phase2=\"auth=PAP\""
                + "\n    ca_cert=\"" + dir.resolve("certs/home-ca.pem") + "\"";
        EapolTest.Result result = EapolTest.run(dir, server.authAddress().getPort(), ProxyFixture.NAS_SECRET, network);
        assertTrue(result.rejected(), result::tail);
    }
}
