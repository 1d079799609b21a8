package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.govroam.server.service.GovroamService;
import nl.govroam.server.service.ReloadOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload rebuilds the federation when peers or pools change: unchanged peers keep their health (a zombie stays a
 * zombie), new peers are opened, removed ones closed; the peer states are a metric.
 */
class FederationReloadIntegrationTest {
    @TempDir
    Path dir;
    private FreeRadiusServer home;
    private SilentPeer silent;
    private GovroamService server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (home != null) {
            home.close();
        }
        if (silent != null) {
            silent.close();
        }
    }

    private String yaml(String peers, String poolPeers) {
        return ProxyFixture.yaml(dir, """
                realms:
                  - realm: "*"
                    pool: national
                peers:
                %s
                pools:
                  - name: national
                    peers: [%s]
                """.formatted(peers, poolPeers));
    }

    private static String peer(String name, int port) {
        return """
                  - name: %s
                    address: 127.0.0.1
                    port: %d
                    secret: %s
                    response-window: 1s
                    retries: 0
                    check-interval: 30s
                """.formatted(name, port, ProxyFixture.PEER_SECRET);
    }

    private String pap() {
        return RadClient.send(server.authAddress(), "auth", ProxyFixture.NAS_SECRET, "User-Name = \""
                + ProxyFixture.FOREIGN_USER + "\"\nUser-Password = \"" + ProxyFixture.FOREIGN_PASSWORD
                + "\"\nMessage-Authenticator = 0x00\n", 5);
    }

    @Test
    void unchangedPeersKeepTheirStateAcrossAReloadAndStatesAreAMetric() throws Exception {
        FreeRadiusServer.assumeInstalled();
        RadClient.assumeInstalled();
        home = FreeRadiusServer.start(Files.createDirectories(dir.resolve("home")),
                FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET), ProxyFixture.foreignUsers(), "",
                FreeRadiusServer.homeSite(), "");
        silent = new SilentPeer();
        server = ProxyFixture.start(ProxyFixture.config(dir, yaml(peer("down", silent.port()), "down")));
        assertTrue(pap().contains("Received Access-Reject"));
        assertEquals(Map.of("down", PeerState.ZOMBIE), server.federation().peerStates());
        assertTrue(server.metrics().render().contains("govroam_peer_state{peer=\"down\",state=\"zombie\"} 1"),
                server.metrics().render());

        ProxyFixture.config(dir, yaml(peer("down", silent.port()) + peer("home", home.authPort()), "down, home"));
        ReloadOutcome added = server.reload();
        assertTrue(added.applied(), added.toString());
        assertTrue(added.notes().toString().contains("1 opened, 0 closing, 1 kept"), added.notes().toString());
        assertEquals(PeerState.ZOMBIE, server.federation().peerStates().get("down"), "the zombie kept its state");
        assertEquals(PeerState.ALIVE, server.federation().peerStates().get("home"));
        long before = System.nanoTime();
        assertTrue(pap().contains("Received Access-Accept"));
        assertTrue(System.nanoTime() - before < 900_000_000L, "the alive new peer was used, not the zombie");
        assertTrue(server.metrics().render().contains("govroam_peer_state{peer=\"home\",state=\"alive\"} 1"));

        ProxyFixture.config(dir, yaml(peer("home", home.authPort()), "home"));
        ReloadOutcome removed = server.reload();
        assertTrue(removed.notes().toString().contains("0 opened, 1 closing, 1 kept"), removed.notes().toString());
        assertEquals(Map.of("home", PeerState.ALIVE), server.federation().peerStates());
        assertTrue(pap().contains("Received Access-Accept"));
    }
}
