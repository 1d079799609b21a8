package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign user through our server to a real FreeRADIUS home server over RADIUS/UDP, with the real radclient as the
 * NAS: password re-hidden, Message-Authenticator and Proxy-State accepted by a peer that requires them, the reply
 * verified and filtered, Operator-Name added.
 */
class UdpProxyIntegrationTest {
    @TempDir
    static Path dir;
    private static FreeRadiusServer home;
    private static GovroamService server;

    @BeforeAll
    static void start() throws Exception {
        FreeRadiusServer.assumeInstalled();
        RadClient.assumeInstalled();
        Path homeDir = Files.createDirectories(dir.resolve("home"));
        home = FreeRadiusServer.start(homeDir, FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET),
                ProxyFixture.foreignUsers(), "", FreeRadiusServer.homeSite(), "");
        server = ProxyFixture.start(ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                realms:
                  - realm: demodorp.example
                    directory: demo
                  - realm: "*"
                    pool: national
                peers:
                  - name: home
                    address: 127.0.0.1
                    port: %d
                    secret: %s
                    response-window: 2s
                pools:
                  - name: national
                    peers: [home]
                federation:
                  visitor-vlan: "999"
                """.formatted(home.authPort(), ProxyFixture.PEER_SECRET))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (home != null) {
            home.close();
        }
    }

    private static String pap(String user, String password) {
        return RadClient.send(server.authAddress(), "auth", ProxyFixture.NAS_SECRET, "User-Name = \"" + user
                + "\"\nUser-Password = \"" + password + "\"\nMessage-Authenticator = 0x00\n", 5);
    }

    @Test
    void foreignPapUserIsAcceptedThroughTheHomeServerWithTheReplyFiltered() {
        String out = pap(ProxyFixture.FOREIGN_USER, ProxyFixture.FOREIGN_PASSWORD);
        assertTrue(out.contains("Received Access-Accept"), () -> out + home.debugLog());
        assertTrue(out.contains("welcome from home.example"), out);
        assertTrue(out.contains("Tunnel-Private-Group-Id:0 = \"999\"") || out.contains("Tunnel-Private-Group-Id = \"999\""), out);
        assertFalse(out.contains("\"42\""), out);
        assertFalse(out.contains("Filter-Id"), out);
        assertFalse(out.contains("Cisco-AVPair"), out);
        assertTrue(out.contains("Class = 0x686f6d65"), out);
        String peerLog = home.debugLog();
        assertTrue(peerLog.contains("Operator-Name = \"1nijmegen.nl\""), peerLog);
        assertTrue(peerLog.contains("Proxy-State = 0x"), peerLog);
        assertTrue(peerLog.contains("Message-Authenticator = 0x"), peerLog);
    }

    @Test
    void foreignRejectIsRelayed() {
        String out = pap(ProxyFixture.FOREIGN_USER, "wrong-password");
        assertTrue(out.contains("Received Access-Reject"), out);
    }

    @Test
    void ourOwnRealmIsNeverSentOut() {
        String out = pap("jan.jansen@demodorp.example", "demo-password");
        assertTrue(out.contains("Received Access-Accept"), out);
        assertFalse(home.debugLog().contains("demodorp.example"), "our realm reached the peer");
    }

    @Test
    void bogusRealmsNeverReachThePeer() {
        String out = pap("someone@gmail.com", "x");
        assertTrue(out.contains("Received Access-Reject"), out);
        out = pap("someone@nodot", "x");
        assertTrue(out.contains("Received Access-Reject"), out);
        String peerLog = home.debugLog();
        assertFalse(peerLog.contains("gmail.com"), peerLog);
        assertFalse(peerLog.contains("someone@nodot"), peerLog);
    }
}
