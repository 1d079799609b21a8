package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.config.GovroamConfig;
import nl.govroam.server.realm.Nai;
import nl.govroam.server.realm.Route;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our server as a RadSec client (RFC 6614) of a real radsecproxy, which proxies over UDP to a real FreeRADIUS home
 * server. Mutual TLS; a peer whose certificate is from another CA or carries another name is refused (and the NAS
 * gets an Access-Reject, not silence). Forwarding on a shared one-thread loop connects, handshakes and completes on
 * that loop.
 */
class RadSecOutboundIntegrationTest {
    @TempDir
    static Path dir;
    private static FreeRadiusServer home;
    private static RadSecProxyServer radsec;
    private GovroamService server;

    @BeforeAll
    static void start() throws Exception {
        FreeRadiusServer.assumeInstalled();
        RadSecProxyServer.assumeInstalled();
        RadClient.assumeInstalled();
        TestCertificates.ca(dir, "fed");
        TestCertificates.ca(dir, "other");
        TestCertificates.leaf(dir, "fed", "radsec.test");
        TestCertificates.leaf(dir, "fed", "govroam.test");
        home = FreeRadiusServer.start(Files.createDirectories(dir.resolve("home")),
                FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET, false), ProxyFixture.foreignUsers(), "",
                FreeRadiusServer.homeSite(), "");
        radsec = RadSecProxyServer.start(Files.createDirectories(dir.resolve("rsp")), """
                tls default {
                    CACertificateFile %1$s/fed-ca.pem
                    CertificateFile %1$s/radsec.test.pem
                    CertificateKeyFile %1$s/radsec.test.key
                }
                client govroam {
                    type tls
                    host 127.0.0.1
                    secret radsec
                    CertificateNameCheck off
                }
                server home {
                    type udp
                    host 127.0.0.1
                    port %2$d
                    secret %3$s
                }
                realm * {
                    server home
                }
                """.formatted(dir, home.authPort(), ProxyFixture.PEER_SECRET));
    }

    @AfterAll
    static void stop() {
        if (radsec != null) {
            radsec.close();
        }
        if (home != null) {
            home.close();
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private GovroamService start(String ca, String peerName) {
        return ProxyFixture.start(config(ca, peerName));
    }

    private static GovroamConfig config(String ca, String peerName) {
        return ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                realms:
                  - realm: "*"
                    pool: national
                peers:
                  - name: nrs-radsec
                    address: 127.0.0.1
                    port: %d
                    transport: radsec
                    response-window: 3s
                    tls:
                      certificate: govroam.test.pem
                      key: govroam.test.key
                      ca: %s-ca.pem
                      peer-name: %s
                pools:
                  - name: national
                    peers: [nrs-radsec]
                """.formatted(radsec.port(), ca, peerName)));
    }

    private String pap(String password) {
        return RadClient.send(server.authAddress(), "auth", ProxyFixture.NAS_SECRET, "User-Name = \""
                + ProxyFixture.FOREIGN_USER + "\"\nUser-Password = \"" + password + "\"\nMessage-Authenticator = 0x00\n", 8);
    }

    @Test
    void foreignUserIsAcceptedThroughRadSec() {
        server = start("fed", "radsec.test");
        String out = pap(ProxyFixture.FOREIGN_PASSWORD);
        assertTrue(out.contains("Received Access-Accept"), () -> out + radsec.log());
        assertTrue(out.contains("welcome from home.example"), out);
        String reject = pap("wrong");
        assertTrue(reject.contains("Received Access-Reject"), reject);
    }

    @Test
    void aPeerWithTheWrongNameIsRefused() {
        server = start("fed", "nrs.elsewhere.test");
        String out = pap(ProxyFixture.FOREIGN_PASSWORD);
        assertTrue(out.contains("Received Access-Reject"), out);
    }

    @Test
    void aPeerFromAnotherCaIsRefused() {
        server = start("other", "radsec.test");
        String out = pap(ProxyFixture.FOREIGN_PASSWORD);
        assertTrue(out.contains("Received Access-Reject"), out);
    }

    @Test
    void forwardAsyncOnASharedLoopConnectsAndAnswersOnThatLoop() throws Exception {
        GovroamConfig config = config("fed", "radsec.test");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (Federation federation = Federation.start(config.federation(), group)) {
            EventLoop loop = group.next();
            Route.Proxy route = new Route.Proxy(new Nai("alice", "home.example"), "*", "national");
            for (String step : List.of("over a new TLS connection", "over the open connection")) {
                CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
                CompletableFuture<ProxyOutcome> outcome = loop.submit(() -> federation.forwardAsync(
                        ProxyFixture.pap(config), route).whenComplete((o, x) -> onLoop.complete(loop.inEventLoop()))
                        .toCompletableFuture()).get(1, TimeUnit.SECONDS);
                ProxyOutcome.Relayed relayed = assertInstanceOf(ProxyOutcome.Relayed.class,
                        outcome.get(8, TimeUnit.SECONDS), step);
                assertEquals(PacketCode.ACCESS_ACCEPT, relayed.code(), step);
                assertTrue(onLoop.get(), step + ": completed on the loop");
            }
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
