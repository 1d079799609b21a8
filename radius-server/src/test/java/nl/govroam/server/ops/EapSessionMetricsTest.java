package nl.govroam.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import nl.govroam.server.certs.DevCertificates;
import nl.govroam.server.cli.testauth.TestAuthCommand;
import nl.govroam.server.ops.testing.OpsServer;
import nl.govroam.server.ops.testing.Radclient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EAP session store in /metrics: two whole EAP-TTLS conversations from {@code test-auth}, one conversation left
 * waiting after its first challenge, and one response with a State the server never sent; then a scrape.
 */
class EapSessionMetricsTest {
    @TempDir
    Path dir;

    @Test
    void sessionGaugeAndCountersFollowTheConversations() throws Exception {
        Assumptions.assumeTrue(Radclient.available(), "radclient is not installed");
        String yaml = OpsServer.yaml(dir, "", OpsServer.EAP_SECTION + """
                metrics:
                  address: 127.0.0.1
                  port: 0
                """);
        try (OpsServer server = OpsServer.start(dir, yaml)) {
            int port = server.authPort();
            assertEquals(TestAuthCommand.ACCEPT, ttlsPap(port, OpsServer.PASSWORD));
            assertEquals(TestAuthCommand.REJECT, ttlsPap(port, "not-her-password"));
            assertTrue(Radclient.send(port, "auth", OpsServer.SECRET, eapIdentity(null)).output()
                    .contains("Access-Challenge"), "a conversation left after its first round");
            assertTrue(Radclient.send(port, "auth", OpsServer.SECRET, eapIdentity("00112233445566778899aabbccddeeff"))
                    .rejected(), "an unknown State is rejected");

            Map<String, Double> m = MetricsEndpointTest.samples(scrape(server));
            assertEquals(1, m.get("govroam_eap_sessions"), "the conversation left waiting");
            assertEquals(3, m.get("govroam_eap_sessions_created_total"));
            assertEquals(1, m.get("govroam_eap_unknown_state_total"));
            assertEquals(0, m.get("govroam_eap_sessions_expired_total"));
            assertEquals(0, m.get("govroam_eap_sessions_evicted_total"));
        }
    }

    @Test
    void withoutEapThereAreNoEapSeries() throws Exception {
        String yaml = OpsServer.yaml(dir, "", """
                metrics:
                  address: 127.0.0.1
                  port: 0
                """);
        try (OpsServer server = OpsServer.start(dir, yaml)) {
            assertTrue(!scrape(server).contains("govroam_eap_"));
        }
    }

    private int ttlsPap(int port, String password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return TestAuthCommand.run(List.of("--method", "ttls-pap", "--server", "127.0.0.1:" + port, "--secret",
                OpsServer.SECRET, "--user", OpsServer.JAN, "--password", password, "--ca",
                dir.resolve("certs").resolve(DevCertificates.CA_CERT).toString(), "--timeout", "8s"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    /** An EAP-Response/Identity for radclient, with a State when given (hex). */
    private static String eapIdentity(String state) {
        byte[] identity = "anonymous@demodorp.example".getBytes(StandardCharsets.US_ASCII);
        byte[] eap = new byte[5 + identity.length];
        eap[0] = 2;
        eap[3] = (byte) eap.length;
        eap[4] = 1;
        System.arraycopy(identity, 0, eap, 5, identity.length);
        return "User-Name = \"anonymous@demodorp.example\"\nEAP-Message = 0x" + HexFormat.of().formatHex(eap)
                + "\nMessage-Authenticator = 0x00\n" + (state == null ? "" : "State = 0x" + state + "\n");
    }

    private static String scrape(OpsServer server) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + server.service().metricsAddress().orElseThrow().getPort() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
