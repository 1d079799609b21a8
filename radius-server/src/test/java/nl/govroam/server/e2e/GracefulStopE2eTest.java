package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A graceful stop (SIGTERM) answers what was already decided: an Access-Reject held back by the reject delay is
 * still sent before the listeners close.
 */
class GracefulStopE2eTest {
    @TempDir
    Path dir;

    @Test
    void aRejectHeldBackByTheDelayIsSentBeforeTheServerStops() throws Exception {
        try (Slapd slapd = Slapd.start(); UdpClient nas = new UdpClient(E2eServer.NAS)) {
            E2eServer server = E2eServer.start(dir, slapd, E2eServer.Options.rejectDelay("800ms"));
            UdpClient.Request request = UdpClient.accessRequest(E2eServer.SECRET, true,
                    TestDirectory.PLAIN_USER.mail(), "not-the-password");
            try {
                nas.send(request.wire(), server.authAddress());
                Thread.sleep(200); // decided (a wrong password), now held back by the reject delay
            } finally {
                server.close();
            }
            Optional<byte[]> reply = nas.receive(Duration.ofSeconds(2));
            assertTrue(reply.isPresent(), "the held-back Access-Reject was lost in the stop");
            RadiusPacket packet = UdpClient.verifiedReply(reply.get(), request, E2eServer.SECRET);
            assertEquals(PacketCode.ACCESS_REJECT, packet.code());
        }
    }
}
