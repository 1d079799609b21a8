package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our server as a RadSec client of a real FreeRADIUS with a TLS listener (RFC 6614): 600 requests in flight at once
 * need more than one TLS connection (256 Identifiers each) and none is lost; an idle connection gets the RFC 3539
 * watchdog Status-Server.
 */
class RadSecCapacityIntegrationTest {
    private static final int REQUESTS = 600;
    @TempDir
    static Path dir;
    private static FreeRadiusServer home;
    private static GovroamService server;
    private static int radsecPort;

    @BeforeAll
    static void start() throws Exception {
        FreeRadiusServer.assumeInstalled();
        TestCertificates.ca(dir, "fed");
        TestCertificates.leaf(dir, "fed", "radsec.test");
        TestCertificates.leaf(dir, "fed", "govroam.test");
        radsecPort = freeTcpPort();
        String tlsListener = """
                clients radsec {
                    client govroam {
                        ipaddr = 127.0.0.1
                        proto = tls
                        secret = radsec
                    }
                }
                server radsec {
                    listen {
                        ipaddr = 127.0.0.1
                        port = %2$d
                        type = auth
                        proto = tcp
                        clients = radsec
                        tls {
                            private_key_file = %1$s/radsec.test.key
                            certificate_file = %1$s/radsec.test.pem
                            ca_file = %1$s/fed-ca.pem
                            require_client_cert = yes
                            tls_min_version = "1.2"
                            tls_max_version = "1.2"
                        }
                    }
                    authorize {
                        files
                        pap
                    }
                    authenticate {
                        Auth-Type PAP {
                            pap
                        }
                    }
                }
                """.formatted(dir.toAbsolutePath(), radsecPort);
        home = FreeRadiusServer.start(Files.createDirectories(dir.resolve("home")),
                FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET), ProxyFixture.foreignUsers(), "",
                FreeRadiusServer.homeSite(), tlsListener, true);
        server = ProxyFixture.start(ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                realms:
                  - realm: "*"
                    pool: national
                peers:
                  - name: nrs-radsec
                    address: 127.0.0.1
                    port: %d
                    transport: radsec
                    response-window: 15s
                    check-interval: 1s
                    sockets: 4
                    tls:
                      certificate: govroam.test.pem
                      key: govroam.test.key
                      ca: fed-ca.pem
                      peer-name: radsec.test
                pools:
                  - name: national
                    peers: [nrs-radsec]
                """.formatted(radsecPort))));
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
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

    @Test
    void sixHundredRequestsInFlightAreAllAnsweredOverSeveralConnections() throws Exception {
        // the home server is held still while the burst arrives, so all 600 are in flight at once (one event loop
        // forwards faster than FreeRADIUS -X answers only while it can keep up; frozen, it cannot)
        home.freeze();
        java.util.concurrent.CompletableFuture<Map<PacketCode, Integer>> burst;
        long started = System.nanoTime();
        try {
            burst = java.util.concurrent.CompletableFuture.supplyAsync(() -> LoadClient.papBurst(server.authAddress(),
                    ProxyFixture.NAS_SECRET, ProxyFixture.FOREIGN_USER, ProxyFixture.FOREIGN_PASSWORD, REQUESTS, 30_000));
            Thread.sleep(1500);
        } finally {
            home.thaw();
        }
        Map<PacketCode, Integer> replies = burst.get(40, java.util.concurrent.TimeUnit.SECONDS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Map.of(PacketCode.ACCESS_ACCEPT, REQUESTS), replies, () -> "after " + millis + " ms");
        String log = home.debugLog();
        long connections = log.lines().filter(l -> l.contains("new connection request on TCP socket")).count();
        assertTrue(connections >= 3 && connections <= 4,
                () -> connections + " TLS connections for " + REQUESTS + " requests in flight (sockets: 4)");
    }

    @Test
    void anIdleConnectionGetsTheWatchdogStatusServer() throws Exception {
        LoadClient.papBurst(server.authAddress(), ProxyFixture.NAS_SECRET, ProxyFixture.FOREIGN_USER,
                ProxyFixture.FOREIGN_PASSWORD, 1, 5_000);
        long deadline = System.nanoTime() + 6_000_000_000L;
        while (!home.debugLog().contains("Status-Server") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(home.debugLog().contains("Received Status-Server"), () -> home.debugLog().lines()
                .filter(l -> l.contains("Status")).toList().toString());
    }
}
