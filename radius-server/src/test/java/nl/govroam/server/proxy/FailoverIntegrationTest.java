package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.govroam.server.codec.AttributeType;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.PacketEncoder;
import nl.govroam.server.codec.RadiusAttribute;
import nl.govroam.server.codec.UserPasswordCipher;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retransmits and fail-over: a silent first peer gets identical retransmits within its response window (and only
 * those, even when the NAS retransmits too), then the real FreeRADIUS second peer answers; the next request goes to
 * the second peer at once; with every peer down the NAS gets an Access-Reject, never silence.
 */
class FailoverIntegrationTest {
    @TempDir
    Path dir;
    private FreeRadiusServer home;
    private GovroamService server;
    private SilentPeer silent;
    private SilentPeer silent2;

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
        if (silent2 != null) {
            silent2.close();
        }
    }

    private GovroamService start(String peers, String poolPeers) {
        return ProxyFixture.start(ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                realms:
                  - realm: "*"
                    pool: national
                peers:
                %s
                pools:
                  - name: national
                    peers: [%s]
                """.formatted(peers, poolPeers))));
    }

    private static String peer(String name, int port) {
        return """
                  - name: %s
                    address: 127.0.0.1
                    port: %d
                    secret: %s
                    response-window: 1500ms
                    retries: 2
                    check-interval: 1s
                """.formatted(name, port, ProxyFixture.PEER_SECRET);
    }

    @Test
    void firstPeerSilentSoTheSecondAnswersAndNasRetransmitsCreateNoSecondUpstreamRequest() throws Exception {
        FreeRadiusServer.assumeInstalled();
        home = FreeRadiusServer.start(Files.createDirectories(dir.resolve("home")),
                FreeRadiusServer.client("127.0.0.1", ProxyFixture.PEER_SECRET), ProxyFixture.foreignUsers(), "",
                FreeRadiusServer.homeSite(), "");
        silent = new SilentPeer();
        server = start(peer("down", silent.port()) + peer("home", home.authPort()), "down, home");

        byte[] request = papRequest(7);
        try (DatagramSocket nas = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            nas.setSoTimeout(6000);
            DatagramPacket out = new DatagramPacket(request, request.length, server.authAddress());
            nas.send(out);
            Thread.sleep(300);
            nas.send(out);
            Thread.sleep(300);
            nas.send(out);
            byte[] buffer = new byte[4096];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            nas.receive(reply);
            assertEquals(PacketCode.ACCESS_ACCEPT.value(), buffer[0] & 0xFF);
        }
        List<byte[]> atSilent = silent.received().stream()
                .filter(d -> (d[0] & 0xFF) == PacketCode.ACCESS_REQUEST.value()).toList();
        assertEquals(3, atSilent.size(), "one request and two identical retransmits");
        assertArrayEquals(atSilent.get(0), atSilent.get(1));
        assertArrayEquals(atSilent.get(0), atSilent.get(2));

        long before = System.nanoTime();
        String out = RadClient.send(server.authAddress(), "auth", ProxyFixture.NAS_SECRET, "User-Name = \""
                + ProxyFixture.FOREIGN_USER + "\"\nUser-Password = \"" + ProxyFixture.FOREIGN_PASSWORD
                + "\"\nMessage-Authenticator = 0x00\n", 5);
        assertTrue(out.contains("Received Access-Accept"), out);
        assertTrue(System.nanoTime() - before < 1_000_000_000L, "the zombie was skipped");
        assertEquals(3, accessRequests(silent), "nothing more sent to the zombie but probes");
    }

    @Test
    void allPeersDownIsAnAccessRejectWithAReason() throws Exception {
        RadClient.assumeInstalled();
        silent = new SilentPeer();
        silent2 = new SilentPeer();
        server = start(peer("down1", silent.port()) + peer("down2", silent2.port()), "down1, down2");
        String out = RadClient.send(server.authAddress(), "auth", ProxyFixture.NAS_SECRET, "User-Name = \""
                + ProxyFixture.FOREIGN_USER + "\"\nUser-Password = \"x\"\nMessage-Authenticator = 0x00\n", 8);
        assertTrue(out.contains("Received Access-Reject"), out);
        assertEquals(3, accessRequests(silent));
        assertEquals(3, accessRequests(silent2));
        Thread.sleep(1300);
        assertTrue(silent.received().stream().anyMatch(d -> (d[0] & 0xFF) == PacketCode.STATUS_SERVER.value()),
                "a zombie is probed with Status-Server");
    }

    private static long accessRequests(SilentPeer peer) {
        return peer.received().stream().filter(d -> (d[0] & 0xFF) == PacketCode.ACCESS_REQUEST.value()).count();
    }

    private static byte[] papRequest(int id) {
        byte[] authenticator = PacketEncoder.randomAuthenticator();
        byte[] secret = ProxyFixture.NAS_SECRET.getBytes(StandardCharsets.UTF_8);
        return PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, id, authenticator, List.of(
                RadiusAttribute.ofString(AttributeType.USER_NAME, ProxyFixture.FOREIGN_USER),
                new RadiusAttribute(AttributeType.USER_PASSWORD, UserPasswordCipher.hide(
                        ProxyFixture.FOREIGN_PASSWORD.toCharArray(), authenticator, secret))), secret, true);
    }
}
