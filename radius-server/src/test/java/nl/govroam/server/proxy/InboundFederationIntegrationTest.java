package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import nl.govroam.server.eap.ChargeableUserIdentity;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real FreeRADIUS as the national proxy in front of us (sending from 127.0.0.2, a federation client): a visitor of
 * our realm is authenticated by our directory and gets no VLAN; a request for a realm that is not ours is rejected,
 * never sent back out (loop prevention); accounting of a foreign realm is answered locally, not forwarded.
 */
class InboundFederationIntegrationTest {
    private static final String FED_SECRET = "federation-secret-0123456789";
    private static final String CUI_KEY = "cui-key-for-demodorp-0123456789";
    @TempDir
    static Path dir;
    private static FreeRadiusServer home;
    private static FreeRadiusServer national;
    private static GovroamService server;

    @BeforeAll
    static void start() throws Exception {
        FreeRadiusServer.assumeInstalled();
        RadClient.assumeInstalled();
        TestCertificates.ca(dir, "eap");
        TestCertificates.leaf(dir, "eap", "radius.demodorp.example");
        home = FreeRadiusServer.start(Files.createDirectories(dir.resolve("home")),
                FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET), ProxyFixture.foreignUsers(), "",
                FreeRadiusServer.homeSite(), "");
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
                  - name: home
                    address: 127.0.0.1
                    port: %d
                    secret: %s
                pools:
                  - name: national
                    peers: [home]
                eap:
                  methods: [ttls, peap]
                  certificate:
                    certificate-file: radius.demodorp.example.pem
                    key-file: radius.demodorp.example.key
                  cui-keys:
                    - realm: demodorp.example
                      key: "%s"
                """.formatted(home.authPort(), ProxyFixture.PEER_SECRET, CUI_KEY))));
        String proxy = """
                proxy server {
                    default_fallback = no
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
                realm elsewhere.example {
                    auth_pool = govroam-pool
                    nostrip
                }
                """.formatted(server.authAddress().getPort(), FED_SECRET);
        national = FreeRadiusServer.start(Files.createDirectories(dir.resolve("national")),
                FreeRadiusServer.client("127.0.0.1", "radclient-secret-0123456789"), "",
                "realm suffix {\n format = suffix\n delimiter = \"@\"\n}\n", """
                authorize {
                    suffix
                }
                authenticate {
                }
                accounting {
                    ok
                }
                """, proxy);
    }

    @AfterAll
    static void stop() {
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

    private static String viaNational(String user, String password) {
        return RadClient.send(new InetSocketAddress("127.0.0.1", national.authPort()), "auth",
                "radclient-secret-0123456789", "User-Name = \"" + user + "\"\nUser-Password = \"" + password
                        + "\"\nMessage-Authenticator = 0x00\n", 8);
    }

    @Test
    void aVisitorOfOurRealmIsAuthenticatedByOurDirectoryWithoutAVlan() {
        String out = viaNational("jan.jansen@demodorp.example", "demo-password");
        assertTrue(out.contains("Received Access-Accept"), () -> out + national.debugLog());
        assertFalse(out.contains("Tunnel-Private-Group-Id"), out);
    }

    private static String viaNationalAskingForCui(String password) {
        return RadClient.send(new InetSocketAddress("127.0.0.1", national.authPort()), "auth",
                "radclient-secret-0123456789", "User-Name = \"jan.jansen@demodorp.example\"\nUser-Password = \""
                        + password + "\"\nOperator-Name = \"1nijmegen.nl\"\nChargeable-User-Identity = 0x00\n"
                        + "Message-Authenticator = 0x00\n", 8);
    }

    @Test
    void aVisitorWhoseRequestAsksForACuiGetsAKeyedOneInTheAcceptOnly() {
        String cui = ChargeableUserIdentity.of(CUI_KEY.getBytes(StandardCharsets.UTF_8), "jan.jansen@demodorp.example",
                "1nijmegen.nl");
        String hex = "0x" + HexFormat.of().formatHex(cui.getBytes(StandardCharsets.US_ASCII));
        String out = viaNationalAskingForCui("demo-password");
        assertTrue(out.contains("Received Access-Accept"), () -> out + national.debugLog());
        assertTrue(out.contains("Chargeable-User-Identity = " + hex) || out.contains("Chargeable-User-Identity = \"" + cui),
                out);
        String received = out.substring(out.indexOf("Received"));
        String userHex = HexFormat.of().formatHex("jan.jansen".getBytes(StandardCharsets.US_ASCII));
        assertFalse(received.contains("jan.jansen") || received.contains(userHex), "the reply names the user: " + out);
        String reject = viaNationalAskingForCui("wrong-password");
        assertTrue(reject.contains("Received Access-Reject"), reject);
        assertFalse(reject.substring(reject.indexOf("Received")).contains("Chargeable-User-Identity"), reject);
        String unasked = viaNational("jan.jansen@demodorp.example", "demo-password");
        assertTrue(unasked.contains("Received Access-Accept"), unasked);
        assertFalse(unasked.contains("Chargeable-User-Identity"), unasked);
    }

    @Test
    void aFederationRequestForARealmThatIsNotOursIsRejectedNotSentBackOut() {
        String out = viaNational("bob@elsewhere.example", "x");
        assertTrue(out.contains("Received Access-Reject"), () -> out + national.debugLog());
        assertFalse(home.debugLog().contains("elsewhere.example"), "the request was sent back out");
    }

    @Test
    void accountingOfAForeignRealmIsAnsweredLocallyAndRecorded() throws Exception {
        String out = RadClient.send(server.accountingAddress(), "acct", ProxyFixture.NAS_SECRET,
                "User-Name = \"alice@home.example\"\nAcct-Status-Type = Start\nAcct-Session-Id = \"s1\"\n", 5);
        assertTrue(out.contains("Received Accounting-Response"), out);
        assertTrue(Files.readString(dir.resolve("acct").resolve("other-realms.jsonl")).contains("alice@home.example"));
        assertFalse(home.debugLog().contains("Accounting-Request"), "accounting was forwarded");
    }
}
