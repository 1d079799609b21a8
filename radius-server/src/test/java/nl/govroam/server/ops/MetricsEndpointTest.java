package nl.govroam.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.govroam.server.ops.testing.OpsServer;
import nl.govroam.server.ops.testing.Radclient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Known traffic from radclient, then the endpoint scraped over HTTP: the counters match what was sent. */
class MetricsEndpointTest {
    @TempDir
    Path dir;

    @Test
    void countersMatchTheTrafficSent() throws Exception {
        Assumptions.assumeTrue(Radclient.available(), "radclient is not installed");
        String yaml = OpsServer.yaml(dir, "", """
                metrics:
                  address: 127.0.0.1
                  port: 0
                """).replace("    operator: demodorp.example\n",
                "    operator: demodorp.example\n    require-message-authenticator: false\n");
        try (OpsServer server = OpsServer.start(dir, yaml)) {
            int port = server.authPort();
            assertTrue(Radclient.auth(port, OpsServer.SECRET, OpsServer.JAN, OpsServer.PASSWORD, "02-00-5E-10-00-01").accepted());
            assertTrue(Radclient.send(port, "auth", OpsServer.SECRET, "User-Name = \"" + OpsServer.JAN
                    + "\"\nUser-Password = \"" + OpsServer.PASSWORD + "\"\n").accepted(), "a legacy NAS without M-A");
            assertTrue(Radclient.auth(port, OpsServer.SECRET, OpsServer.JAN, "not-her-password", "02-00-5E-10-00-02").rejected());
            assertTrue(Radclient.auth(port, OpsServer.SECRET, "guest@elders.example.org", "x", "02-00-5E-10-00-03").rejected());

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.service().metricsAddress().orElseThrow().getPort() + "/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain; version=0.0.4"));
            Map<String, Double> m = samples(response.body());

            assertEquals(2, m.get("govroam_access_requests_total{client=\"localhost\",realm=\"demodorp.example\","
                    + "route=\"directory:demo\",result=\"accept\"}"));
            assertEquals(1, m.get("govroam_access_requests_total{client=\"localhost\",realm=\"demodorp.example\","
                    + "route=\"directory:demo\",result=\"reject\"}"));
            assertEquals(1, m.get("govroam_access_requests_total{client=\"localhost\",realm=\"other\","
                    + "route=\"local\",result=\"reject\"}"));
            assertEquals(1, m.get("govroam_access_rejects_total{reason=\"wrong-password\"}"));
            assertEquals(1, m.get("govroam_access_rejects_total{reason=\"not-local\"}"));
            assertEquals(2, m.get("govroam_access_request_duration_seconds_count{result=\"accept\"}"));
            assertEquals(2, m.get("govroam_access_request_duration_seconds_bucket{result=\"accept\",le=\"+Inf\"}"));
            assertEquals(3, m.get("govroam_client_access_requests_total{client=\"localhost\",message_authenticator=\"present\"}"));
            assertEquals(1, m.get("govroam_client_access_requests_total{client=\"localhost\",message_authenticator=\"absent\"}"));
            assertEquals(0, m.get("govroam_client_require_message_authenticator{client=\"localhost\"}"));
            assertEquals(4, m.get("govroam_datagrams_received_total"));
            assertEquals(4, m.get("govroam_replies_sent_total"));
            assertEquals(0, m.get("govroam_drops_total{reason=\"unknown-client\"}"));
            assertEquals(0, m.get("govroam_config_reloads_total{result=\"failed\"}"));
            assertTrue(m.containsKey("govroam_decision_log_queued"), "the decision-log queue is watched");
            assertTrue(m.get("govroam_decision_log_queued") >= 0 && m.get("govroam_decision_log_queued") <= 4);
            assertTrue(m.keySet().stream().anyMatch(k -> k.startsWith("govroam_directory_server_up{directory=\"demo\",url=\"ldap://127.0.0.1:")
                    && m.get(k) == 1), "directory health per URL");
            assertFalse(response.body().contains("jan.jansen"), "no user names");
            assertFalse(response.body().contains("elders"), "no realms that are not ours");
            assertFalse(response.body().toLowerCase().contains("02-00-5e"), "no MAC addresses");

            HttpResponse<String> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.service().metricsAddress().orElseThrow().getPort() + "/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, other.statusCode());
        }
    }

    /** Sample lines by series (name and labels); comments skipped. */
    static Map<String, Double> samples(String body) {
        Map<String, Double> out = new HashMap<>();
        for (String line : body.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }
}
