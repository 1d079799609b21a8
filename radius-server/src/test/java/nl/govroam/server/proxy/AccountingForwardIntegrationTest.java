package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code federation.forward-accounting: true}: a foreign realm's Accounting-Request is recorded here and forwarded to
 * the pool (a real FreeRADIUS on its accounting port); the NAS is answered after the peer answered, or, with the peer
 * silent, after the response window (the record is kept here).
 */
class AccountingForwardIntegrationTest {
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

    private GovroamService start(int port, int accountingPort) {
        return ProxyFixture.start(ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                realms:
                  - realm: demodorp.example
                    directory: demo
                  - realm: "*"
                    pool: national
                peers:
                  - name: nrs
                    address: 127.0.0.1
                    port: %d
                    accounting-port: %d
                    secret: %s
                    response-window: 1500ms
                    retries: 1
                pools:
                  - name: national
                    peers: [nrs]
                federation:
                  forward-accounting: true
                """.formatted(port, accountingPort, ProxyFixture.PEER_SECRET))));
    }

    private String accounting(String user, String session) {
        return RadClient.send(server.accountingAddress(), "acct", ProxyFixture.NAS_SECRET, "User-Name = \"" + user
                + "\"\nAcct-Status-Type = Start\nAcct-Session-Id = \"" + session + "\"\n", 8);
    }

    @Test
    void foreignAccountingIsForwardedAndAnsweredAfterThePeerAnswered() throws Exception {
        FreeRadiusServer.assumeInstalled();
        RadClient.assumeInstalled();
        home = FreeRadiusServer.start(Files.createDirectories(dir.resolve("home")),
                FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET), ProxyFixture.foreignUsers(), "",
                FreeRadiusServer.homeSite(), "");
        server = start(home.authPort(), home.accountingPort());
        String out = accounting(ProxyFixture.FOREIGN_USER, "fwd-1");
        assertTrue(out.contains("Received Accounting-Response"), out);
        String peerLog = home.debugLog();
        assertTrue(peerLog.contains("Accounting-Request") && peerLog.contains("fwd-1"), peerLog);
        assertTrue(peerLog.contains("Operator-Name = \"1nijmegen.nl\""), peerLog);
        assertTrue(peerLog.contains("Proxy-State = 0x"), peerLog);
        assertTrue(Files.readString(dir.resolve("acct").resolve("other-realms.jsonl")).contains("fwd-1"));

        String ours = accounting("jan.jansen@demodorp.example", "ours-1");
        assertTrue(ours.contains("Received Accounting-Response"), ours);
        assertTrue(!home.debugLog().contains("ours-1"), "accounting of our own realm never leaves");
    }

    @Test
    void withThePeerSilentTheRecordIsKeptHereAndTheNasAnswered() throws Exception {
        RadClient.assumeInstalled();
        silent = new SilentPeer();
        server = start(silent.port(), silent.port());
        long started = System.nanoTime();
        String out = accounting(ProxyFixture.FOREIGN_USER, "lost-1");
        assertTrue(out.contains("Received Accounting-Response"), out);
        assertTrue(System.nanoTime() - started >= 1_400_000_000L, "answered before the peer's window ended");
        assertTrue(silent.received().stream().anyMatch(d -> (d[0] & 0xFF) == PacketCode.ACCOUNTING_REQUEST.value()));
        assertTrue(Files.readString(dir.resolve("acct").resolve("other-realms.jsonl")).contains("lost-1"));
    }
}
