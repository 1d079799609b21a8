package nl.govroam.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import nl.govroam.server.config.ConfigLoader;
import nl.govroam.server.config.ConfigResult;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain} and {@code check-config} show the peers' health as the running server reports it. */
class ExplainPeerStatesTest {
    @TempDir
    Path dir;

    @Test
    void peerStatesAreParsedFromTheExposition() {
        assertEquals(Map.of("nrs1", "zombie"), RunningPeerStates.parse("""
                govroam_peer_state{peer="nrs1",state="alive"} 0
                govroam_peer_state{peer="nrs1",state="zombie"} 1
                govroam_peer_state{peer="nrs1",state="dead"} 0
                """));
        assertEquals("", RunningPeerStates.suffix(Optional.empty(), "nrs1"));
    }

    @Test
    void explainAndCheckConfigShowTheRunningServersPeerStates() throws Exception {
        int metricsPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            metricsPort = s.getLocalPort();
        }
        Path file = dir.resolve("govroam.yaml");
        Files.writeString(file, """
                server:
                  address: 127.0.0.1
                  auth-port: 0
                  accounting-port: 0
                accounting:
                  directory: %s
                clients:
                  - name: nas
                    address: 127.0.0.1
                    secret: nas-secret-0123456789
                    operator: nijmegen.nl
                directories:
                  - name: demo
                    embedded-demo: true
                realms:
                  - realm: demodorp.example
                    directory: demo
                  - realm: "*"
                    pool: national
                peers:
                  - name: nrs1
                    address: 127.0.0.1
                    port: 9
                    secret: peer-secret-0123456789
                pools:
                  - name: national
                    peers: [nrs1]
                metrics:
                  address: 127.0.0.1
                  port: %d
                """.formatted(dir.resolve("acct"), metricsPort));
        ConfigResult loaded = ConfigLoader.load(file, Map.of());
        assertTrue(loaded instanceof ConfigResult.Loaded, loaded.toString());
        try (GovroamService server = GovroamService.start(((ConfigResult.Loaded) loaded).config())) {
            CliOutput explain = CliOutput.run("explain", "someone@elsewhere.example", "--config", file.toString());
            assertTrue(explain.out().contains("peer nrs1 127.0.0.1:9 udp  [alive]"), explain.out());
            assertTrue(explain.out().contains("from the running server"), explain.out());
            CliOutput check = CliOutput.run("check-config", file.toString());
            assertTrue(check.out().contains("2 retries  [alive]"), check.out());
        }
        CliOutput stopped = CliOutput.run("explain", "someone@elsewhere.example", "--config", file.toString());
        assertTrue(stopped.out().contains("peer states: unknown"), stopped.out());
    }
}
