package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
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
 * The whole federation chain with real peers on loopback, one fixture for every scenario:
 * <pre>
 *   outbound: radclient / eapol_test (NAS) -> govroam -> FreeRADIUS "national" (proxies home.example per its own
 *             proxy.conf) -> FreeRADIUS "home" (the home server of home.example, PAP and EAP-TTLS/PEAP)
 *   inbound:  eapol_test -> FreeRADIUS "sp" (a foreign SP's server, from 127.0.0.3) -> "national" -> govroam (from
 *             127.0.0.2, our federation client) -> our demo directory
 * </pre>
 * The national proxy requires Message-Authenticator from us ({@code require_message_authenticator = yes}). Each
 * FreeRADIUS writes its own debug log; the assertions about what reached a peer read that log.
 */
class FederationChainIntegrationTest {
    private static final String HOME_SECRET = "home-secret-0123456789";
    private static final String FED_SECRET = "federation-secret-0123456789";
    private static final String SP_SECRET = "sp-secret-0123456789";
    private static final String SP_NAS_SECRET = "sp-nas-secret-0123456789";
    private static final String EAP_USER = "bob@home.example";
    private static final String EAP_PASSWORD = "bob-password";
    @TempDir
    static Path dir;
    private static FreeRadiusServer home;
    private static FreeRadiusServer national;
    private static FreeRadiusServer sp;
    private static GovroamService server;

    @BeforeAll
    static void start() throws Exception {
        FreeRadiusServer.assumeInstalled();
        RadClient.assumeInstalled();
        Assumptions.assumeTrue(EapolTest.executable() != null, "eapol_test (Debian package eapoltest) is not installed");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        TestCertificates.ca(certs, "home");
        TestCertificates.leaf(certs, "home", "radius.home.example");
        TestCertificates.ca(dir, "eap");
        TestCertificates.leaf(dir, "eap", "radius.demodorp.example");

        // The home server of home.example: its only client is the national proxy (127.0.0.1).
        home = FreeRadiusServer.start(Files.createDirectories(dir.resolve("home")),
                FreeRadiusServer.client("127.0.0.1", HOME_SECRET),
                ProxyFixture.foreignUsers() + "\"" + EAP_USER + "\" Cleartext-Password := \"" + EAP_PASSWORD + "\"\n",
                FreeRadiusServer.eapModules(certs, "home", "radius.home.example"), FreeRadiusServer.eapHomeSite(),
                FreeRadiusServer.innerTunnel());

        // Our port is chosen first: the national proxy is our peer and we are its home server for demodorp.example.
        int govroamPort = FreeRadiusServer.freeUdpPortPair();
        national = FreeRadiusServer.start(Files.createDirectories(dir.resolve("national")),
                FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET, true)
                        + FreeRadiusServer.client("127.0.0.3", SP_SECRET, true),
                "", suffixRealm(), proxySite(), """
                proxy server {
                    default_fallback = no
                }
                home_server home {
                    type = auth
                    ipaddr = 127.0.0.1
                    port = %d
                    secret = %s
                    response_window = 5
                    status_check = none
                }
                home_server_pool home-pool {
                    type = fail-over
                    home_server = home
                }
                realm home.example {
                    auth_pool = home-pool
                    nostrip
                }
                home_server govroam {
                    type = auth
                    ipaddr = 127.0.0.1
                    port = %d
                    secret = %s
                    src_ipaddr = 127.0.0.2
                    response_window = 5
                    status_check = none
                }
                home_server_pool govroam-pool {
                    type = fail-over
                    home_server = govroam
                }
                realm demodorp.example {
                    auth_pool = govroam-pool
                    nostrip
                }
                """.formatted(home.authPort(), HOME_SECRET, govroamPort, FED_SECRET));

        // A foreign service provider's server: its NAS is eapol_test; everything of demodorp.example to the national.
        sp = FreeRadiusServer.start(Files.createDirectories(dir.resolve("sp")),
                FreeRadiusServer.client("127.0.0.1", SP_NAS_SECRET, false), "", suffixRealm(), proxySite(), """
                proxy server {
                    default_fallback = no
                }
                home_server national {
                    type = auth
                    ipaddr = 127.0.0.1
                    port = %d
                    secret = %s
                    src_ipaddr = 127.0.0.3
                    response_window = 5
                    status_check = none
                }
                home_server_pool national-pool {
                    type = fail-over
                    home_server = national
                }
                realm demodorp.example {
                    auth_pool = national-pool
                    nostrip
                }
                """.formatted(national.authPort(), SP_SECRET));

        server = ProxyFixture.start(ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                  - name: national
                    address: 127.0.0.2
                    secret: %s
                    operator: govroam.nl
                    role: federation
                """.formatted(FED_SECRET), """
                realms:
                  - realm: demodorp.example
                    directory: demo
                  - realm: "*"
                    pool: national
                peers:
                  - name: national
                    address: 127.0.0.1
                    port: %d
                    secret: %s
                    response-window: 5s
                pools:
                  - name: national
                    peers: [national]
                federation:
                  visitor-vlan: "999"
                eap:
                  methods: [ttls, peap]
                  certificate:
                    certificate-file: radius.demodorp.example.pem
                    key-file: radius.demodorp.example.key
                """.formatted(national.authPort(), ProxyFixture.PEER_SECRET))
                .replace("auth-port: 0", "auth-port: " + govroamPort)));
    }

    private static String suffixRealm() {
        return "realm suffix {\n    format = suffix\n    delimiter = \"@\"\n}\n";
    }

    /**
     * A proxy's site: the realm decides where the request goes. FreeRADIUS 3.2.1 adds Message-Authenticator to a
     * proxied reply only when it carries EAP; a national proxy of today (3.2.5+, after BlastRADIUS) adds it always,
     * and we require it on UDP replies, so post-auth adds it here as they do.
     */
    private static String proxySite() {
        return """
                authorize {
                    suffix
                }
                authenticate {
                }
                accounting {
                    ok
                }
                post-auth {
                    update reply {
                        Message-Authenticator := 0x00
                    }
                    Post-Auth-Type REJECT {
                        update reply {
                            Message-Authenticator := 0x00
                        }
                    }
                }
                """;
    }

    @AfterAll
    static void stop() {
        if (sp != null) {
            sp.close();
        }
        if (national != null) {
            national.close();
        }
        if (server != null) {
            server.close();
        }
        if (home != null) {
            home.close();
        }
    }

    /** PAP from our NAS (with Message-Authenticator: we require it from our clients). */
    private static String pap(String user, String password) {
        return RadClient.send(server.authAddress(), "auth", ProxyFixture.NAS_SECRET, "User-Name = \"" + user
                + "\"\nUser-Password = \"" + password + "\"\nMessage-Authenticator = 0x00\n", 8);
    }

    /** The requests a FreeRADIUS received from 127.0.0.1 naming {@code user}, each with its attributes. */
    private static String requestsFor(FreeRadiusServer peer, String user) {
        StringBuilder found = new StringBuilder();
        for (String block : peer.debugLog().split("(?=\\(\\d+\\) Received Access-Request)")) {
            if (block.contains("Received Access-Request") && block.contains("User-Name = \"" + user + "\"")) {
                found.append(block.lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
            }
        }
        return found.toString();
    }

    private static String peers() {
        return "\n--- national ---\n" + national.debugLog() + "\n--- home ---\n" + home.debugLog();
    }

    @Test
    void foreignPapUserIsAcceptedThroughTheNationalProxyAndTheHomeServer() {
        String out = pap(ProxyFixture.FOREIGN_USER, ProxyFixture.FOREIGN_PASSWORD);
        assertTrue(out.contains("Received Access-Accept"), () -> out + peers());
        assertTrue(out.contains("welcome from home.example"), out);
        assertTrue(out.contains("Tunnel-Private-Group-Id:0 = \"999\"") || out.contains("Tunnel-Private-Group-Id = \"999\""),
                out);
        assertFalse(out.contains("\"42\""), out);
        assertFalse(out.contains("Filter-Id"), out);
        assertFalse(out.contains("Cisco-AVPair"), out);
        String atHome = requestsFor(home, ProxyFixture.FOREIGN_USER);
        assertTrue(atHome.contains("Operator-Name = \"1nijmegen.nl\""), () -> "Operator-Name did not reach home:\n" + atHome);
    }

    @Test
    void foreignRejectIsRelayedBackThroughTheChain() {
        String out = pap(ProxyFixture.FOREIGN_USER, "wrong-password");
        assertTrue(out.contains("Received Access-Reject"), () -> out + peers());
        assertTrue(home.debugLog().contains("Sent Access-Reject"), home::debugLog);
    }

    /**
     * The national proxy requires Message-Authenticator from us: a request without one (sent to it directly, as a
     * control) is dropped. Ours passes, so it was computed again with the peer's secret (the NAS's, made with the NAS's
     * secret, would fail), and the answer to our Proxy-State is matched and accepted by us.
     */
    @Test
    void theNationalProxyRequiringMessageAuthenticatorAcceptsOursAndOurProxyState() {
        String control = RadClient.send(new InetSocketAddress("127.0.0.1", national.authPort()), "auth",
                ProxyFixture.PEER_SECRET, "User-Name = \"carol@home.example\"\nUser-Password = \"x\"\n", 1);
        assertFalse(control.contains("Received Access-"), control);
        assertTrue(national.debugLog().contains("does not contain required Message-Authenticator"), national::debugLog);

        String out = pap(ProxyFixture.FOREIGN_USER, ProxyFixture.FOREIGN_PASSWORD);
        assertTrue(out.contains("Received Access-Accept"), () -> out + peers());
        String atNational = requestsFor(national, ProxyFixture.FOREIGN_USER);
        assertTrue(atNational.contains("Message-Authenticator = 0x"), atNational);
        assertTrue(atNational.contains("Proxy-State = 0x"), atNational);
        String log = national.debugLog();
        assertFalse(log.contains("invalid Message-Authenticator"), log);
        assertFalse(requestsFor(national, "carol@home.example").contains("Received"), "the control was processed");
    }

    @Test
    void bogusRealmsAndOurOwnRealmNeverReachTheNationalProxy() {
        for (String user : new String[] {"someone@gmail.com", "someone@nodot", "someone@home.example@x.example"}) {
            String out = pap(user, "x");
            assertTrue(out.contains("Received Access-Reject"), () -> user + ":\n" + out);
        }
        String own = pap("piet.peters@demodorp.example", "demo-password");
        assertTrue(own.contains("Received Access-Accept"), own);
        String log = national.debugLog();
        assertFalse(log.contains("gmail.com"), log);
        assertFalse(log.contains("someone@nodot"), log);
        assertFalse(log.contains("x.example"), log);
        assertFalse(log.contains("piet.peters"), log);
    }

    private static EapolTest.Result foreignEap(String eap, String phase2) throws Exception {
        String network = "    phase1=\"tls_disable_tlsv1_3=1\"\n    eap=" + eap + "\n    identity=\"" + EAP_USER
                + "\"\n    anonymous_identity=\"anonymous@home.example\"\n    password=\"" + EAP_PASSWORD
                + "\"\n    phase2=\"auth=" + phase2 + "\"\n    ca_cert=\"" + dir.resolve("certs/home-ca.pem") + "\"";
        return EapolTest.run(dir, server.authAddress().getPort(), ProxyFixture.NAS_SECRET, network);
    }

    @Test
    void wholeTtlsPapAndPeapMschapv2ConversationsThroughTheChainGiveTheNasCorrectKeys() throws Exception {
        for (String[] method : new String[][] {{"TTLS", "PAP"}, {"PEAP", "MSCHAPV2"}}) {
            EapolTest.Result result = foreignEap(method[0], method[1]);
            assertTrue(result.success(), () -> method[0] + ":\n" + result.tail() + peers());
            assertTrue(result.mppeKeysMatch(), () -> method[0] + ":\n" + result.tail());
        }
        assertTrue(requestsFor(national, "anonymous@home.example").contains("EAP-Message"), national::debugLog);
    }

    /** A visitor: our demo user at a foreign SP, through the SP's server and the national proxy to us. */
    @Test
    void ourUserVisitingAForeignSpIsAuthenticatedByUsThroughTheNationalProxy() throws Exception {
        for (String[] method : new String[][] {{"TTLS", "PAP"}, {"PEAP", "MSCHAPV2"}}) {
            String network = "    phase1=\"tls_disable_tlsv1_3=1\"\n    eap=" + method[0]
                    + "\n    identity=\"jan.jansen@demodorp.example\"\n    anonymous_identity=\"anonymous@demodorp.example\""
                    + "\n    password=\"demo-password\"\n    phase2=\"auth=" + method[1] + "\"\n    ca_cert=\""
                    + dir.resolve("eap-ca.pem") + "\"";
            EapolTest.Result result = EapolTest.run(dir, sp.authPort(), SP_NAS_SECRET, network);
            assertTrue(result.success(), () -> method[0] + ":\n" + result.tail() + "\n--- sp ---\n" + sp.debugLog()
                    + peers());
            assertTrue(result.mppeKeysMatch(), () -> method[0] + ":\n" + result.tail());
        }
        String viaNational = "Proxying request to home server 127.0.0.1 port " + server.authAddress().getPort();
        assertTrue(national.debugLog().contains(viaNational), national::debugLog);
        String atSp = sp.debugLog();
        assertTrue(atSp.contains("Received Access-Accept"), atSp);
        assertFalse(atSp.contains("Tunnel-Private-Group-Id"), () -> "our staff VLAN left us:\n" + atSp);
    }
}
