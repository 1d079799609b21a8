package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.govroam.ldap.testing.Slapd;
import nl.govroam.ldap.testing.TestDirectory;
import nl.govroam.server.transport.DropReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accounting with the real radclient: answered once the record is on disk, one JSON-lines file per configured realm
 * and one for every other realm (federation-rules.md 10), nothing written and nothing answered without the secret.
 */
class AccountingE2eTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static Slapd slapd;
    private static E2eServer server;

    @BeforeAll
    static void start() {
        slapd = Slapd.start();
        server = E2eServer.start(dir, slapd, E2eServer.Options.rejectDelay("100ms"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (slapd != null) {
            slapd.close();
        }
    }

    @Test
    void startAndStopOfALocalUserAreRecordedInTheRealmsFile() {
        String session = "sess-" + UUID.randomUUID();
        String user = TestDirectory.STAFF_USER.mail();

        RadClient.Result start = account(E2eServer.SECRET, user, session, "Start", "");
        RadClient.Result stop = account(E2eServer.SECRET, user, session, "Stop",
                ", Acct-Session-Time = 3600, Acct-Input-Octets = 1234, Acct-Terminate-Cause = User-Request");

        assertEquals(Optional.of("Accounting-Response"), start.replyCode(), start::output);
        assertEquals(Optional.of("Accounting-Response"), stop.replyCode(), stop::output);
        List<JsonNode> records = records(E2eServer.REALM + ".jsonl", session);
        assertEquals(2, records.size(), () -> "records of session " + session + ": " + records);
        JsonNode first = records.get(0);
        JsonNode last = records.get(1);
        assertEquals("Start", first.path("status").asText());
        assertEquals("Stop", last.path("status").asText());
        for (JsonNode record : records) {
            assertEquals(user, record.path("user_name").asText());
            assertEquals(session, record.path("session_id").asText());
            assertEquals(E2eServer.REALM, record.path("realm").asText());
            assertEquals("nas-local", record.path("client").asText());
            assertEquals("127.0.0.1", record.path("client_address").asText());
            assertEquals("02-00-00-00-00-01", record.path("calling_station_id").asText());
            assertEquals("10.0.0.7", record.path("nas_ip_address").asText());
        }
        assertEquals(3600, last.path("session_time").asLong());
        assertEquals(1234, last.path("input_octets").asLong());
        assertEquals(1, last.path("terminate_cause").asLong());
    }

    @Test
    void foreignRealmIsAnsweredLocallyAndRecordedInOtherRealms() {
        String session = "sess-" + UUID.randomUUID();

        RadClient.Result result = account(E2eServer.SECRET, "bezoeker@elders.nl", session, "Start", "");

        assertEquals(Optional.of("Accounting-Response"), result.replyCode(), result::output);
        List<JsonNode> records = records("other-realms.jsonl", session);
        assertEquals(1, records.size());
        assertEquals("bezoeker@elders.nl", records.get(0).path("user_name").asText());
        assertEquals("Start", records.get(0).path("status").asText());
        assertEquals(List.of(), records(E2eServer.REALM + ".jsonl", session), "not in the municipality's file");
    }

    @Test
    void wrongSecretGetsNoReplyAndNothingIsWritten() {
        String session = "sess-" + UUID.randomUUID();
        long before = server.drops(DropReason.BAD_AUTHENTICATOR);

        RadClient.Result result = account("not-the-" + E2eServer.SECRET, TestDirectory.STAFF_USER.mail(), session,
                "Start", "");

        assertTrue(result.noReply(), result::output);
        E2eServer.awaitCount("bad-authenticator drops", () -> server.drops(DropReason.BAD_AUTHENTICATOR), before + 1,
                Duration.ofSeconds(1));
        assertEquals(List.of(), records(E2eServer.REALM + ".jsonl", session));
        assertEquals(List.of(), records("other-realms.jsonl", session));
    }

    @Test
    void accountingRequestOnTheAuthPortIsIgnored() {
        long before = server.drops(DropReason.WRONG_PORT);
        String session = "sess-" + UUID.randomUUID();

        RadClient.Result result = RadClient.send(server.authAddress(), "acct", E2eServer.SECRET,
                attributes(TestDirectory.STAFF_USER.mail(), session, "Start", ""), Duration.ofSeconds(1));

        assertTrue(result.noReply(), result::output);
        E2eServer.awaitCount("wrong-port drops", () -> server.drops(DropReason.WRONG_PORT), before + 1, Duration.ofSeconds(1));
        assertEquals(List.of(), records(E2eServer.REALM + ".jsonl", session));
    }

    private static RadClient.Result account(String secret, String user, String session, String status, String more) {
        return RadClient.send(server.accountingAddress(), "acct", secret, attributes(user, session, status, more),
                Duration.ofSeconds(1));
    }

    private static String attributes(String user, String session, String status, String more) {
        return "User-Name = " + RadClient.quoted(user) + ", Acct-Status-Type = " + status
                + ", Acct-Session-Id = " + RadClient.quoted(session) + ", NAS-IP-Address = 10.0.0.7"
                + ", Calling-Station-Id = \"02-00-00-00-00-01\"" + more;
    }

    /** The records of one session in {@code <accounting dir>/<file>}, each line parsed as JSON. */
    private static List<JsonNode> records(String file, String session) {
        Path path = server.accountingDirectory().resolve(file);
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            List<JsonNode> records = new ArrayList<>();
            for (String line : Files.readAllLines(path)) {
                JsonNode record = JSON.readTree(line);
                if (session.equals(record.path("session_id").asText())) {
                    records.add(record);
                }
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
