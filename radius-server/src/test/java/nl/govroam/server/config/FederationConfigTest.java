package nl.govroam.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** peers:, pools:, realm routes to pools (and the default route) and federation:, with file:line problems. */
class FederationConfigTest {
    @TempDir
    Path dir;

    private static final String BASE = """
            clients:
              - name: ap
                address: 192.0.2.0/24
                secret: {env: NAS_SECRET}
                operator: demodorp.example
            directories:
              - name: demo
                embedded-demo: true
            """;

    @Test
    void peersPoolsAndRoutesBind() {
        GovroamConfig config = ConfigFixture.loaded(ConfigFixture.load(dir, BASE + """
                realms:
                  - realm: demodorp.example
                    directory: demo
                  - realm: partner.example
                    pool: national
                  - realm: "*"
                    pool: national
                peers:
                  - name: nrs1
                    address: 192.0.2.10
                    secret: {env: NAS_SECRET}
                    response-window: 5s
                  - name: nrs2
                    address: 192.0.2.11
                    port: 11812
                    secret: {env: NAS_SECRET}
                pools:
                  - name: national
                    peers: [nrs1, nrs2]
                    balance: load-balance
                federation:
                  visitor-vlan: "999"
                """)).config();
        assertEquals(List.of(new RealmConfig("demodorp.example", false, "demo"),
                new RealmConfig("partner.example", false, null, "national"),
                new RealmConfig("*", false, null, "national")), config.realms());
        PeerConfig nrs1 = config.federation().peer("nrs1").orElseThrow();
        assertEquals(1812, nrs1.port());
        assertEquals(Duration.ofSeconds(5), nrs1.responseWindow());
        assertEquals(3, nrs1.answersToAlive());
        assertTrue(nrs1.requireMessageAuthenticator());
        assertEquals(11812, config.federation().peer("nrs2").orElseThrow().port());
        assertEquals(new PoolConfig("national", List.of("nrs1", "nrs2"), PoolBalance.LOAD_BALANCE),
                config.federation().pool("national").orElseThrow());
        assertEquals(Optional.of("999"), config.federation().visitorVlan());
        assertTrue(config.federation().operatorName());
    }

    @Test
    void unknownPoolAndPeerAreReportedWithTheirLines() {
        ConfigResult result = ConfigFixture.load(dir, BASE + """
                realms:
                  - realm: demodorp.example
                    directory: demo
                  - realm: "*"
                    pool: nationaal
                peers:
                  - name: nrs1
                    address: 192.0.2.10
                    secret: {env: NAS_SECRET}
                pools:
                  - name: national
                    peers: [nrs1, nrs3]
                """);
        List<ConfigProblem> problems = ConfigFixture.problems(result);
        assertEquals(2, problems.size(), ConfigFixture.lines(problems));
        ConfigFixture.assertProblem(problems.get(0), dir, 13, "realms[1].pool", "unknown pool 'nationaal'");
        ConfigFixture.assertProblem(problems.get(1), dir, 20, "pools[0].peers[1]", "unknown peer 'nrs3'");
    }

    @Test
    void aRealmWithBothDirectoryAndPoolIsAnError() {
        ConfigResult result = ConfigFixture.load(dir, BASE + """
                realms:
                  - realm: demodorp.example
                    directory: demo
                    pool: national
                """);
        ConfigFixture.assertProblem(ConfigFixture.problems(result).get(0), dir, 12, "realms[0].pool", "either directory:");
    }

    @Test
    void radsecPeerNeedsTls() {
        ConfigResult result = ConfigFixture.load(dir, BASE + """
                realms:
                  - realm: demodorp.example
                    directory: demo
                peers:
                  - name: nrs1
                    address: 192.0.2.10
                    transport: radsec
                """);
        ConfigFixture.onlyProblem(result, dir, 13, "peers[0]", "RadSec needs tls:");
    }
}
