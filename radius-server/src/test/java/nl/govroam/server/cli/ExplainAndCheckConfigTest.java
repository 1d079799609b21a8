package nl.govroam.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainAndCheckConfigTest {
    private static final String SECRET = "ops-test-Nas-Secret-c41e9b";
    @TempDir
    Path dir;
    private String config;

    @BeforeEach
    void writeConfig() throws Exception {
        Path file = dir.resolve("govroam.yaml");
        Files.writeString(file, """
                server:
                  address: 127.0.0.1
                clients:
                  - name: ap-stadhuis
                    address: 192.0.2.0/24
                    secret: "%s"
                    operator: nijmegen.nl
                  - name: govroam-proxy
                    address: 198.51.100.10
                    secret: "%s"
                    operator: govroam.nl
                    role: federation
                directories:
                  - name: nijmegen-ad
                    urls: [ldaps://dc1.nijmegen.nl, ldaps://dc2.nijmegen.nl]
                    bind-dn: cn=svc,dc=nijmegen,dc=nl
                    bind-password: "%s"
                    user-base-dn: ou=medewerkers,dc=nijmegen,dc=nl
                    user-filter: "(sAMAccountName={user})"
                    required-group: cn=wifi,dc=nijmegen,dc=nl
                  - name: demo
                    embedded-demo: true
                realms:
                  - realm: nijmegen.nl
                    subdomains: true
                    directory: nijmegen-ad
                  - realm: demodorp.example
                    directory: demo
                fticks:
                  report: roaming
                  csi: undisclosed
                """.formatted(SECRET, SECRET, SECRET));
        config = file.toString();
    }

    @Test
    void checkConfigPrintsClientsRealmsRoutesAndPeersButNoSecret() {
        CliOutput r = CliOutput.run("check-config", config);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(": ok: 2 clients, 2 directories, 2 realms"), r.out());
        assertTrue(r.out().contains("ap-stadhuis  192.0.2.0/24  nas  operator nijmegen.nl  message-authenticator required"), r.out());
        assertTrue(r.out().contains("govroam-proxy  198.51.100.10/32  federation"), r.out());
        assertTrue(r.out().contains("nijmegen-ad  ldaps://dc1.nijmegen.nl ldaps://dc2.nijmegen.nl  base ou=medewerkers"), r.out());
        assertTrue(r.out().contains("nijmegen.nl and *.nijmegen.nl  -> directory nijmegen-ad"), r.out());
        assertTrue(r.out().contains("demodorp.example  -> directory demo"), r.out());
        assertTrue(r.out().contains("any other realm  -> Access-Reject (not-local)"), r.out());
        assertTrue(r.out().contains("peers: none"), r.out());
        assertTrue(r.out().contains("f-ticks: F-TICKS/govroam/1.0, roaming decisions, csi undisclosed"), r.out());
        assertTrue(r.out().contains("metrics: off"), r.out());
        assertFalse(r.out().contains(SECRET), "no secret in the summary");
    }

    @Test
    void checkConfigOfABadFileGivesFileLineAndExit2() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(Path.of(config)).replace("realm: demodorp.example", "realm: demodorp"));
        CliOutput r = CliOutput.run("check-config", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains(bad + ":27: realms[1].realm:"), r.err());
    }

    @Test
    void explainALocalRealmNamesTheDirectoryItsUrlsAndTheSearch() {
        CliOutput r = CliOutput.run("explain", "jan@medewerkers.nijmegen.nl", "--client", "192.0.2.7", "--config", config);
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("client: ap-stadhuis (192.0.2.0/24, nas"), r.out());
        assertTrue(r.out().contains("matches configured realm nijmegen.nl (subdomains: true)"), r.out());
        assertTrue(r.out().contains("decision: authenticated locally against directory nijmegen-ad"), r.out());
        assertTrue(r.out().contains("directory urls, tried in order: ldaps://dc1.nijmegen.nl ldaps://dc2.nijmegen.nl"), r.out());
        assertTrue(r.out().contains("filter (sAMAccountName=jan)"), r.out());
        assertTrue(r.out().contains("required group: cn=wifi,dc=nijmegen,dc=nl"), r.out());
        assertTrue(r.out().contains("f-ticks: not reported: a home user at home (report: roaming)"), r.out());
    }

    @Test
    void explainTheEmbeddedDemoAndOurUserAbroad() {
        CliOutput r = CliOutput.run("explain", "piet@demodorp.example", "--client", "govroam-proxy", "--config", config);
        assertEquals(0, r.exitCode());
        assertTrue(r.out().contains("directory: embedded demo directory"), r.out());
        assertTrue(r.out().contains("f-ticks: reported: our user abroad (roaming)"), r.out());
    }

    @Test
    void explainEachRejectWithItsRule() {
        CliOutput sanity = CliOutput.run("explain", "a@b@nijmegen.nl", "--config", config);
        assertEquals(1, sanity.exitCode());
        assertTrue(sanity.out().contains("decision: Access-Reject, reason multiple-at"), sanity.out());
        assertTrue(sanity.out().contains("rule: realm sanity"), sanity.out());

        CliOutput denied = CliOutput.run("explain", "someone@gmail.com", "--config", config);
        assertTrue(denied.out().contains("reason denied-realm"), denied.out());
        assertTrue(denied.out().contains("deny list (gmail.com)"), denied.out());

        CliOutput visitor = CliOutput.run("explain", "guest@elders.example.org", "--config", config);
        assertEquals(1, visitor.exitCode());
        assertTrue(visitor.out().contains("reason not-local"), visitor.out());
        assertTrue(visitor.out().contains("no federation peer is configured"), visitor.out());
    }

    @Test
    void explainFromAnUnknownAddressIsADrop() {
        CliOutput r = CliOutput.run("explain", "jan@nijmegen.nl", "--client", "203.0.113.9", "--config", config);
        assertEquals(1, r.exitCode());
        assertTrue(r.out().contains("dropped without an answer (unknown-client)"), r.out());
    }

    @Test
    void explainWithoutAUserIsAUsageError() {
        assertEquals(2, CliOutput.run("explain", "--config", config).exitCode());
    }
}
