package nl.govroam.server.config;

import static nl.govroam.server.config.ConfigFixture.ENV;
import static nl.govroam.server.config.ConfigFixture.MINIMAL;
import static nl.govroam.server.config.ConfigFixture.load;
import static nl.govroam.server.config.ConfigFixture.loaded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.govroam.ldap.DirectorySettings;
import nl.govroam.ldap.VlanMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void fullFileBindsToTheExpectedRecords() throws Exception {
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        Files.writeString(dir.resolve("fed.secret"), "federation-secret-from-file\n");
        Path file = ConfigFixture.write(dir, """
                server:
                  address: "::"
                  auth-port: 11812
                  accounting-port: 11813
                  in-flight-limit: 500
                  reject-delay: 500ms
                  duplicate-window: 2m
                  directory-down:
                    nas: reject
                    federation: no-reply
                accounting:
                  directory: /var/lib/govroam/accounting
                realm-sanity:
                  deny-realms: [gmail.com, "*.local"]
                clients:
                  - name: ap-stadhuis
                    address: 192.0.2.0/24
                    secret: {env: NAS_SECRET}
                    operator: nijmegen.nl
                  - name: flr
                    address: 2001:db8::1
                    secret: {file: fed.secret}
                    operator: govroam.nl
                    require-message-authenticator: false
                    role: federation
                directories:
                  - name: demo
                    embedded-demo: true
                  - name: nijmegen
                    urls: [ldaps://dc1.nijmegen.nl, LDAPS://dc2.nijmegen.nl:636]
                    ca-file: ca.pem
                    bind-dn: cn=svc-radius,ou=services,dc=nijmegen,dc=nl
                    bind-password: {env: LDAP_PASSWORD}
                    user-base-dn: ou=medewerkers,dc=nijmegen,dc=nl
                    user-filter: "(sAMAccountName={user})"
                    disabled-group: cn=disabled,ou=groups,dc=nijmegen,dc=nl
                    disabled-filter: "(userAccountControl:1.2.840.113556.1.4.803:=2)"
                    required-group: cn=wifi,ou=groups,dc=nijmegen,dc=nl
                    group-base-dn: ou=groups,dc=nijmegen,dc=nl
                    group-filter: "(member={dn})"
                    vlans:
                      - group: cn=staff,ou=groups,dc=nijmegen,dc=nl
                        vlan: 120
                      - group: cn=guests,ou=groups,dc=nijmegen,dc=nl
                        vlan: gasten
                    nt-hash-attribute: sambaNTPassword
                    timeouts: {connect: 1s, operation: 4s, pool-wait: 250ms}
                    pool-size: 4
                    dead-server-retry: 30s
                realms:
                  - realm: Nijmegen.NL
                    subdomains: true
                    directory: nijmegen
                  - realm: demodorp.example
                    directory: demo
                """);
        ConfigResult.Loaded result = loaded(ConfigLoader.load(file, ENV));
        GovroamConfig config = result.config();

        assertEquals(file, config.source());
        assertEquals(new ServerConfig(InetAddress.getByName("::"), 11812, 11813, 500, Duration.ofMillis(500),
                Duration.ofMinutes(2), new DirectoryDownPolicy(DirectoryDownPolicy.Answer.REJECT,
                DirectoryDownPolicy.Answer.NO_REPLY)), config.server());
        assertEquals(new AccountingConfig(Path.of("/var/lib/govroam/accounting")), config.accounting());
        assertEquals(new RealmSanityConfig(List.of("gmail.com", "*.local")), config.realmSanity());

        assertEquals(List.of(
                new ClientConfig("ap-stadhuis", IpRange.parse("192.0.2.0/24"),
                        Secret.of("env-nas-secret-0123456789", "x"), "nijmegen.nl", true, ClientRole.NAS),
                new ClientConfig("flr", IpRange.parse("2001:db8::1"), Secret.of("federation-secret-from-file", "x"),
                        "govroam.nl", false, ClientRole.FEDERATION)), config.clients());
        assertEquals("env NAS_SECRET", config.clients().get(0).secret().source());
        assertEquals("file " + dir.toAbsolutePath().resolve("fed.secret"), config.clients().get(1).secret().source());

        DirectorySettings expected = DirectorySettings.builder("nijmegen",
                        List.of(URI.create("ldaps://dc1.nijmegen.nl"), URI.create("ldaps://dc2.nijmegen.nl:636")),
                        "cn=svc-radius,ou=services,dc=nijmegen,dc=nl", "env-ldap-password-xyz".toCharArray(),
                        "ou=medewerkers,dc=nijmegen,dc=nl")
                .caFile(dir.toAbsolutePath().resolve("ca.pem"))
                .userFilter("(sAMAccountName={user})")
                .disabledGroupDn("cn=disabled,ou=groups,dc=nijmegen,dc=nl")
                .disabledFilter("(userAccountControl:1.2.840.113556.1.4.803:=2)")
                .requiredGroupDn("cn=wifi,ou=groups,dc=nijmegen,dc=nl")
                .groupBaseDn("ou=groups,dc=nijmegen,dc=nl")
                .groupFilter("(member={dn})")
                .vlans(List.of(new VlanMapping("cn=staff,ou=groups,dc=nijmegen,dc=nl", "120"),
                        new VlanMapping("cn=guests,ou=groups,dc=nijmegen,dc=nl", "gasten")))
                .ntHashAttribute("sambaNTPassword")
                .connectTimeout(Duration.ofSeconds(1)).operationTimeout(Duration.ofSeconds(4))
                .poolMaxWait(Duration.ofMillis(250)).poolSize(4).deadServerRetry(Duration.ofSeconds(30))
                .build();
        assertEquals(List.of(new DirectoryConfig.EmbeddedDemo("demo"), new DirectoryConfig.Ldap("nijmegen", expected)),
                config.directories());

        assertEquals(List.of(new RealmConfig("nijmegen.nl", true, "nijmegen"),
                new RealmConfig("demodorp.example", false, "demo")), config.realms());
        assertEquals(1, result.warnings().size(), () -> ConfigFixture.lines(result.warnings()));
        ConfigFixture.assertProblem(result.warnings().get(0), dir, 24, "clients[1].require-message-authenticator",
                "BlastRADIUS");
    }

    @Test
    void minimalFileGetsTheDefaults() throws Exception {
        GovroamConfig config = loaded(load(dir, MINIMAL)).config();
        assertEquals(new ServerConfig(InetAddress.getByName("0.0.0.0"), 1812, 1813, 2000, Duration.ofSeconds(1),
                Duration.ofSeconds(10), DirectoryDownPolicy.DEFAULT), config.server());
        assertEquals(new AccountingConfig(Path.of("var/accounting")), config.accounting());
        assertEquals(RealmSanityConfig.DEFAULT_DENY_REALMS, config.realmSanity().denyRealms());
        ClientConfig client = config.clients().get(0);
        assertTrue(client.requireMessageAuthenticator());
        assertEquals(ClientRole.NAS, client.role());
        assertFalse(config.realms().get(0).subdomains());
    }

    @Test
    void ldapDirectoryWithOnlyRequiredKeysGetsTheLibraryDefaults() {
        String yaml = MINIMAL.replace("""
                  - name: demo
                    embedded-demo: true
                """, """
                  - name: demo
                    urls: [ldap://127.0.0.1:3389]
                    bind-dn: cn=admin,dc=demo
                    bind-password: "inline-password"
                    user-base-dn: ou=people,dc=demo
                """);
        DirectoryConfig.Ldap ldap = assertInstanceOf(DirectoryConfig.Ldap.class,
                loaded(load(dir, yaml)).config().directories().get(0));
        DirectorySettings s = ldap.settings();
        assertEquals(DirectorySettings.DEFAULT_USER_FILTER, s.userFilter());
        assertEquals(DirectorySettings.DEFAULT_GROUP_FILTER, s.groupFilter());
        assertEquals(DirectorySettings.DEFAULT_POOL_SIZE, s.poolSize());
        assertEquals(DirectorySettings.DEFAULT_CONNECT_TIMEOUT, s.connectTimeout());
        assertEquals(Optional.empty(), s.caFile());
        assertFalse(s.startTls());
        assertEquals(List.of(), s.vlans());
    }

    @Test
    void shippedSampleLoadsWithoutProblems() {
        Path sample = Path.of("../config/govroam.yaml");
        assertTrue(Files.isRegularFile(sample), "run from the radius-server module directory");
        ConfigResult.Loaded result = loaded(ConfigLoader.load(sample, Map.of()));
        assertEquals(List.of(), result.warnings());
        GovroamConfig config = result.config();
        assertEquals("127.0.0.1", config.server().address().getHostAddress());
        assertEquals(1812, config.server().authPort());
        assertEquals(1813, config.server().accountingPort());
        assertEquals(List.of(new ClientConfig("localhost", IpRange.parse("127.0.0.1/32"),
                Secret.of("govroam-demo-secret", "inline"), "demo.govroam.example", true, ClientRole.NAS)),
                config.clients());
        assertEquals(List.of(new DirectoryConfig.EmbeddedDemo("demo")), config.directories());
        assertEquals(List.of(new RealmConfig("demodorp.example", false, "demo"),
                new RealmConfig("voorbeeldstad.example", false, "demo")), config.realms());
        assertEquals(Path.of("var/accounting"), config.accounting().directory());
    }

    @Test
    void sampleIsShort() throws Exception {
        assertTrue(Files.size(Path.of("../config/govroam.yaml")) < 10 * 1024);
    }

    @Test
    void secretFileLosesOneTrailingNewlineOnly() throws Exception {
        Files.writeString(dir.resolve("nas.secret"), "a-secret-with-spaces  \n\n");
        ClientConfig client = loaded(load(dir, MINIMAL.replace("{env: NAS_SECRET}", "{file: nas.secret}")))
                .config().clients().get(0);
        assertEquals("a-secret-with-spaces  \n", client.secret().reveal());
    }

    @Test
    void yesStaysTextWhereTextIsWanted() {
        ClientConfig client = loaded(load(dir, MINIMAL.replace("name: ap", "name: yes"))).config().clients().get(0);
        assertEquals("yes", client.name());
    }

    @Test
    void missingFileIsAProblemNotAnException() {
        ConfigResult result = ConfigLoader.load(dir.resolve("nope.yaml"), ENV);
        List<ConfigProblem> problems = ConfigFixture.problems(result);
        assertEquals(1, problems.size());
        assertEquals(dir.resolve("nope.yaml") + ": config file does not exist", problems.get(0).toString());
    }
}
