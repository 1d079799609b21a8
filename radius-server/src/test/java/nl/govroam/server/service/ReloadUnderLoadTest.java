package nl.govroam.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.govroam.server.ops.testing.OpsServer;
import nl.govroam.server.ops.testing.Radclient;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload under a bounded load from the real radclient: configs that add a client and a realm are swapped in while
 * requests run, without a single lost answer (radclient sends each request once, no retries); a broken config is
 * refused and the old one keeps answering.
 */
class ReloadUnderLoadTest {
    private static final int REQUESTS = 400;
    @TempDir
    Path dir;

    @Test
    void reloadsLoseNoAnswerAndABrokenFileIsRefused() throws Exception {
        Assumptions.assumeTrue(Radclient.available(), "radclient is not installed");
        String base = OpsServer.yaml(dir, "", "");
        String extended = OpsServer.yaml(dir, """
                  - name: second-nas
                    address: 127.0.0.2/32
                    secret: "%s"
                    operator: nieuwdorp.example
                """.formatted(OpsServer.SECRET), "").replace("""
                realms:
                """, """
                realms:
                  - realm: nieuwdorp.example
                    directory: demo
                """);
        try (OpsServer server = OpsServer.start(dir, base)) {
            GovroamService service = server.service();
            assertTrue(Radclient.auth(server.authPort(), OpsServer.SECRET, "x@nieuwdorp.example", "x", "02-00-5E-20-00-01")
                    .rejected());

            Path requests = dir.resolve("requests.txt");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < REQUESTS; i++) {
                sb.append("User-Name = \"").append(OpsServer.JAN).append("\"\nUser-Password = \"")
                        .append(i % 4 == 0 ? "not-her-password" : OpsServer.PASSWORD)
                        .append("\"\nMessage-Authenticator = 0x00\n\n");
            }
            Files.writeString(requests, sb.toString());
            CompletableFuture<Radclient.Result> load = CompletableFuture.supplyAsync(() -> Radclient.run(List.of(
                    Radclient.PATH, "-s", "-q", "-r", "1", "-t", "5", "-p", "16", "-f", requests.toString(),
                    "127.0.0.1:" + server.authPort(), "auth", OpsServer.SECRET), ""));

            int reloads = 0;
            while (!load.isDone() && reloads < 40) {
                OpsServer.write(dir, reloads % 2 == 0 ? extended : base);
                ReloadOutcome outcome = service.reload();
                assertTrue(outcome.applied(), outcome::toString);
                reloads++;
                Thread.sleep(20);
            }
            Radclient.Result result = load.get();
            assertTrue(reloads >= 2, "the load ended before two reloads: " + reloads);
            assertEquals(REQUESTS / 4 * 3, count(result.output(), "Accepted"), result.output());
            assertEquals(REQUESTS / 4, count(result.output(), "Rejected"), result.output());
            assertEquals(0, count(result.output(), "Lost"), result.output());

            OpsServer.write(dir, extended);
            assertTrue(service.reload().applied());
            assertEquals(3, service.snapshot().config().realms().size());
            assertTrue(service.snapshot().clients().find(java.net.InetAddress.getByName("127.0.0.2")).isPresent());
            Radclient.Result newRealm = Radclient.auth(server.authPort(), OpsServer.SECRET, "x@nieuwdorp.example",
                    "x", "02-00-5E-20-00-02");
            assertTrue(newRealm.rejected(), newRealm.output());

            OpsServer.write(dir, extended.replace("realm: nieuwdorp.example", "realm: nieuwdorp"));
            ReloadOutcome refused = service.reload();
            assertFalse(refused.applied());
            assertTrue(refused.problems().get(0).toString().contains("govroam.yaml:"), refused.problems()::toString);
            assertTrue(refused.problems().get(0).toString().contains("realms[0].realm"), refused.problems()::toString);
            assertEquals(3, service.snapshot().config().realms().size(), "the old config keeps serving");
            assertTrue(Radclient.auth(server.authPort(), OpsServer.SECRET, OpsServer.JAN, OpsServer.PASSWORD,
                    "02-00-5E-20-00-03").accepted());
            String metrics = service.metrics().render();
            assertTrue(metrics.contains("govroam_config_reloads_total{result=\"failed\"} 1"), metrics);
            assertTrue(metrics.contains("govroam_config_last_reload_success 0"), metrics);
        }
    }

    private static int count(String radclientSummary, String what) {
        Matcher m = Pattern.compile(what + "\\s*:\\s*(\\d+)").matcher(radclientSummary);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
