package nl.govroam.server.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import nl.govroam.server.config.FticksConfig;
import nl.govroam.server.config.Secret;
import nl.govroam.server.ops.testing.OpsServer;
import nl.govroam.server.ops.testing.Radclient;
import nl.govroam.server.ops.testing.TestLogs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit record, F-ticks line and accounting record of real requests from radclient to an in-process server,
 * read from the files the real encoders wrote (logback-test.xml).
 */
class AuditTrailTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static OpsServer server;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Radclient.available(), "radclient is not installed");
        server = OpsServer.start(dir, OpsServer.yaml(dir, "", """
                fticks:
                  csi: vendor-key-hashed
                  key: "%s"
                """.formatted(OpsServer.FTICKS_KEY)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A Calling-Station-Id no other test uses, so its lines can be picked out of the shared log files. */
    private static String uniqueMac() {
        long r = ThreadLocalRandom.current().nextLong(1L << 24);
        return String.format("02-00-5E-%02X-%02X-%02X", (r >> 16) & 0xFF, (r >> 8) & 0xFF, r & 0xFF);
    }

    private static String hashedCsi(String mac) {
        return CallingStationIds.write(mac, FticksConfig.CsiMode.VENDOR_KEY_HASHED,
                Optional.of(Secret.of(OpsServer.FTICKS_KEY, "test")));
    }

    @Test
    void anAcceptIsOneAuditRecordAndOneFticksLine() throws Exception {
        String mac = uniqueMac();
        assertTrue(Radclient.auth(server.authPort(), OpsServer.SECRET, OpsServer.JAN, OpsServer.PASSWORD, mac).accepted());

        List<String> audit = TestLogs.await(TestLogs.AUDIT, l -> l.contains(mac), 1);
        assertEquals(1, audit.size(), audit::toString);
        JsonNode record = JSON.readTree(audit.get(0));
        assertEquals("auth", record.get("type").asText());
        assertFalse(record.get("time").asText().isEmpty());
        assertEquals("localhost", record.get("client").asText());
        assertEquals("127.0.0.1", record.get("client_address").asText());
        assertEquals(OpsServer.JAN, record.get("user_name").asText());
        assertEquals("demodorp.example", record.get("realm").asText());
        assertEquals(mac, record.get("calling_station_id").asText());
        assertEquals("PAP", record.get("method").asText());
        assertEquals("directory:demo", record.get("route").asText());
        assertEquals("accept", record.get("result").asText());
        assertEquals("ok", record.get("reason").asText());
        assertTrue(record.get("latency_ms").isNumber());
        assertFalse(audit.get(0).contains(OpsServer.PASSWORD));

        String csi = hashedCsi(mac);
        List<String> fticks = TestLogs.await(TestLogs.FTICKS, l -> l.contains(csi), 1);
        assertEquals(List.of("F-TICKS/govroam/1.0#REALM=demodorp.example#VISCOUNTRY=NL#VISINST=1demodorp.example#CSI="
                + csi + "#RESULT=OK#"), fticks);
    }

    @Test
    void aRejectCarriesItsReason() throws Exception {
        String mac = uniqueMac();
        assertTrue(Radclient.auth(server.authPort(), OpsServer.SECRET, OpsServer.JAN, "not-her-password", mac).rejected());
        JsonNode record = JSON.readTree(TestLogs.await(TestLogs.AUDIT, l -> l.contains(mac), 1).get(0));
        assertEquals("reject", record.get("result").asText());
        assertEquals("wrong-password", record.get("reason").asText());

        String csi = hashedCsi(mac);
        assertTrue(TestLogs.await(TestLogs.FTICKS, l -> l.contains(csi), 1).get(0).endsWith("#RESULT=FAIL#"));
    }

    @Test
    void aVisitorWithoutARouteIsRejectedAndRecordedWithTheRoutingReason() throws Exception {
        String mac = uniqueMac();
        assertTrue(Radclient.auth(server.authPort(), OpsServer.SECRET, "guest@elders.example.org", "x", mac).rejected());
        JsonNode record = JSON.readTree(TestLogs.await(TestLogs.AUDIT, l -> l.contains(mac), 1).get(0));
        assertEquals("not-local", record.get("reason").asText());
        assertEquals("local", record.get("route").asText());
        String line = TestLogs.await(TestLogs.FTICKS, l -> l.contains(hashedCsi(mac)), 1).get(0);
        assertTrue(line.contains("#REALM=elders.example.org#"), line);
        assertFalse(line.contains("guest"), line);
    }

    @Test
    void accountingRecordsAreJsonLinesWrittenBeforeTheAnswer() throws Exception {
        String session = "ops-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Radclient.Result result = Radclient.send(server.accountingPort(), "acct", OpsServer.SECRET, """
                User-Name = "%s"
                Acct-Status-Type = Start
                Acct-Session-Id = "%s"
                Calling-Station-Id = "02-00-5E-00-00-01"
                Chargeable-User-Identity = "cui-123"
                Operator-Name = "1demodorp.example"
                """.formatted(OpsServer.JAN, session));
        assertTrue(result.output().contains("Received Accounting-Response"), result.output());
        // the answer came after the fsync: the record is there now, without waiting
        Path file = dir.resolve("accounting").resolve("demodorp.example.jsonl");
        List<String> lines = Files.readAllLines(file).stream().filter(l -> l.contains(session)).toList();
        assertEquals(1, lines.size());
        JsonNode record = JSON.readTree(lines.get(0));
        assertEquals("Start", record.get("status").asText());
        assertEquals("localhost", record.get("client").asText());
        assertEquals(OpsServer.JAN, record.get("user_name").asText());
        assertEquals("demodorp.example", record.get("realm").asText());
        assertEquals("02-00-5E-00-00-01", record.get("calling_station_id").asText());
        assertEquals("cui-123", record.get("chargeable_user_identity").asText());
        assertEquals("1demodorp.example", record.get("operator_name").asText());
        assertFalse(record.get("time").asText().isEmpty());
    }
}
