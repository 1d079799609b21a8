package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.UserPasswordCipher;
import nl.govroam.server.ops.testing.TestLogs;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbound RadSec listener has the UDP path's protections: duplicates on one connection are discarded while in
 * progress and answered from the cache afterwards (the directory is asked once), the in-flight limit sheds a burst,
 * and a refused TLS connection leaves an audit record with its reason.
 */
class RadSecListenerProtectionTest {
    private static final byte[] RADSEC = "radsec".getBytes(StandardCharsets.US_ASCII);
    @TempDir
    static Path dir;
    private static GovroamService server;
    private static InetSocketAddress listener;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates.ca(dir, "fed");
        TestCertificates.ca(dir, "other");
        TestCertificates.leaf(dir, "fed", "nrs.test");
        TestCertificates.leaf(dir, "fed", "stranger.test");
        TestCertificates.leaf(dir, "other", "forged.test");
        TestCertificates.leaf(dir, "fed", "govroam.test");
        int port = RadSecProxyServer.freeTcpPort();
        listener = new InetSocketAddress("127.0.0.1", port);
        server = ProxyFixture.start(ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                realms:
                  - realm: demodorp.example
                    directory: demo
                federation:
                  radsec-listener:
                    address: 127.0.0.1
                    port: %d
                    certificate: govroam.test.pem
                    key: govroam.test.key
                    clients:
                      - name: nrs
                        ca: fed-ca.pem
                        names: [nrs.test]
                        operator: govroam.nl
                """.formatted(port)).replace("  reject-delay: 0s\n", "  reject-delay: 0s\n  in-flight-limit: 2\n")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static byte[] request(int id) {
        byte[] authenticator = PacketEncoder.randomAuthenticator();
        return PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, id, authenticator, List.of(
                RadiusAttribute.ofString(AttributeType.USER_NAME, "jan.jansen@demodorp.example"),
                new RadiusAttribute(AttributeType.USER_PASSWORD,
                        UserPasswordCipher.hide("demo-password".toCharArray(), authenticator, RADSEC))), RADSEC, true);
    }

    private static long accepted() {
        return server.metrics().render().lines()
                .filter(l -> l.startsWith("govroam_access_requests_total{") && l.contains("client=\"nrs\"")
                        && l.contains("result=\"accept\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aDuplicateInProgressIsDiscardedAndAnAnsweredOneGetsTheCachedReply() {
        try (RadSecTestClient client = new RadSecTestClient(listener, dir, "fed", "nrs.test")) {
            long before = accepted();
            byte[] request = request(7);
            client.send(request, request);
            byte[] reply = client.receive(5000).orElseThrow();
            assertEquals(PacketCode.ACCESS_ACCEPT.value(), reply[0] & 0xFF);
            assertTrue(client.receive(1000).isEmpty(), "a duplicate in progress must not be answered twice");
            client.send(request);
            assertArrayEquals(reply, client.receive(5000).orElseThrow());
            assertEquals(before + 1, accepted(), "the directory is asked once");
        }
    }

    @Test
    void aBurstBeyondTheInFlightLimitIsShed() {
        try (RadSecTestClient client = new RadSecTestClient(listener, dir, "fed", "nrs.test")) {
            byte[][] burst = new byte[60][];
            for (int i = 0; i < burst.length; i++) {
                burst[i] = request(100 + i);
            }
            client.send(burst);
            int replies = 0;
            while (client.receive(1500).isPresent()) {
                replies++;
            }
            assertTrue(replies > 0 && replies < burst.length, replies + " of " + burst.length + " answered");
        }
    }

    @Test
    void accountingOverTheSameConnectionIsAnsweredAndRecorded() throws Exception {
        byte[] accounting = PacketEncoder.encodeRequest(PacketCode.ACCOUNTING_REQUEST, 9, new byte[16], List.of(
                RadiusAttribute.ofString(AttributeType.USER_NAME, "jan.jansen@demodorp.example"),
                RadiusAttribute.ofInt(AttributeType.ACCT_STATUS_TYPE, 1),
                RadiusAttribute.ofString(AttributeType.ACCT_SESSION_ID, "radsec-session-1")), RADSEC, false);
        try (RadSecTestClient client = new RadSecTestClient(listener, dir, "fed", "nrs.test")) {
            client.send(accounting);
            byte[] reply = client.receive(5000).orElseThrow(() -> new AssertionError("no Accounting-Response"));
            assertEquals(PacketCode.ACCOUNTING_RESPONSE.value(), reply[0] & 0xFF);
            assertEquals(9, reply[1] & 0xFF);
        }
        Path record = dir.resolve("acct").resolve("demodorp.example.jsonl");
        assertTrue(java.nio.file.Files.readString(record).contains("\"session_id\":\"radsec-session-1\""),
                "the record is written before the answer");
    }

    @Test
    void refusedConnectionsAreAuditedWithTheReason() {
        assertThrows(RuntimeException.class, () -> new RadSecTestClient(listener, dir, "fed", "forged.test")
                .receive(2000));
        List<String> handshake = TestLogs.await(TestLogs.AUDIT, l -> l.contains("radsec-refused")
                && l.contains("tls-handshake-failed"), 1);
        assertFalse(handshake.isEmpty(), "no audit record of the failed handshake");
        try (RadSecTestClient stranger = new RadSecTestClient(listener, dir, "fed", "stranger.test")) {
            Optional<byte[]> answer = stranger.receive(2000);
            assertTrue(answer.isEmpty());
        } catch (RuntimeException closedByServer) {
            // the server may close before or during the client's first read
        }
        List<String> unknown = TestLogs.await(TestLogs.AUDIT, l -> l.contains("radsec-refused")
                && l.contains("no-matching-client") && l.contains("stranger.test"), 1);
        assertFalse(unknown.isEmpty(), "no audit record of the unknown certificate");
    }
}
