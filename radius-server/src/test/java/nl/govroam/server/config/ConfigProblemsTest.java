package nl.govroam.server.config;

import static nl.govroam.server.config.ConfigFixture.MINIMAL;
import static nl.govroam.server.config.ConfigFixture.assertProblem;
import static nl.govroam.server.config.ConfigFixture.load;
import static nl.govroam.server.config.ConfigFixture.onlyProblem;
import static nl.govroam.server.config.ConfigFixture.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of mistake, each asserting the exact file:line: key.path: prefix. */
class ConfigProblemsTest {

    /** A valid file with an LDAP directory; its last directory key is on line 11. */
    static final String LDAP = """
            clients:
              - name: ap
                address: 192.0.2.0/24
                secret: {env: NAS_SECRET}
                operator: demodorp.example
            directories:
              - name: nijmegen
                urls: [ldaps://dc1.nijmegen.nl]
                bind-dn: cn=svc,dc=nijmegen,dc=nl
                bind-password: {env: LDAP_PASSWORD}
                user-base-dn: ou=people,dc=nijmegen,dc=nl
            realms:
              - realm: demodorp.example
                directory: nijmegen
            """;

    @TempDir
    Path dir;

    /** MINIMAL with its line {@code line} (1-based) replaced by {@code replacement} (which may hold several lines). */
    static String replaceLine(String yaml, int line, String replacement) {
        List<String> lines = new java.util.ArrayList<>(yaml.lines().toList());
        lines.set(line - 1, replacement);
        return String.join("\n", lines) + "\n";
    }

    /** {@link #LDAP} with {@code extra} directory keys from line 12 on. */
    static String ldapWith(String extra) {
        return replaceLine(LDAP, 11, "    user-base-dn: ou=people,dc=nijmegen,dc=nl\n" + extra.stripTrailing());
    }

    @Test
    void yamlSyntaxErrorHasItsLine() {
        onlyProblem(load(dir, replaceLine(MINIMAL, 3, "    address: [192.0.2.0/24")), dir, 4, "",
                "YAML syntax error");
    }

    @Test
    void syntaxErrorDoesNotQuoteTheLine() {
        ConfigProblem problem = onlyProblem(load(dir, replaceLine(MINIMAL, 4, "    secret: hunter2-very-secret: x")),
                dir, 4, "", "YAML syntax error");
        assertFalse(problem.toString().contains("hunter2"), problem.toString());
    }

    @Test
    void unknownKeyListsTheValidKeysAndSuggestsTheClosest() {
        List<ConfigProblem> problems = problems(load(dir, replaceLine(MINIMAL, 4, "    secrte: {env: NAS_SECRET}")));
        assertEquals(2, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 2, "clients[0]", "missing required key 'secret'");
        assertProblem(problems.get(1), dir, 4, "clients[0].secrte", "unknown key 'secrte' (did you mean 'secret'?); "
                + "valid keys: name, address, secret, operator, require-message-authenticator, role");
    }

    @Test
    void unknownTopLevelAndNestedKeys() {
        List<ConfigProblem> problems = problems(load(dir, "server:\n  auth_port: 1812\n  directory-down: {nas: reject, fed: reject}\n"
                + "clientz: []\n" + MINIMAL));
        assertEquals(3, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 2, "server.auth_port", "did you mean 'auth-port'?");
        assertProblem(problems.get(1), dir, 3, "server.directory-down.fed", "valid keys: nas, federation");
        assertProblem(problems.get(2), dir, 4, "clientz", "did you mean 'clients'?");
    }

    @Test
    void quotedNumberIsNotANumber() {
        onlyProblem(load(dir, "server:\n  auth-port: \"1812\"\n" + MINIMAL), dir, 2, "server.auth-port",
                "expected a whole number 0 to 65535, got '1812' (write the number without quotes)");
    }

    @Test
    void listWhereAMappingIsWanted() {
        onlyProblem(load(dir, "server: [127.0.0.1]\n" + MINIMAL), dir, 1, "server",
                "expected a mapping (key: value lines), got a list");
    }

    @Test
    void mappingWhereAListIsWanted() {
        String yaml = replaceLine(MINIMAL, 9, "realms: {realm: demodorp.example, directory: demo}");
        yaml = yaml.replace("  - realm: demodorp.example\n    directory: demo\n", "");
        List<ConfigProblem> problems = problems(load(dir, yaml));
        assertProblem(problems.get(0), dir, 9, "realms", "expected a list");
    }

    @Test
    void yesIsNotABoolean() {
        onlyProblem(load(dir, replaceLine(MINIMAL, 5, "    operator: demodorp.example\n    require-message-authenticator: yes")),
                dir, 6, "clients[0].require-message-authenticator", "expected true or false, got 'yes'");
    }

    @Test
    void badEnumValueListsTheValidOnes() {
        onlyProblem(load(dir, replaceLine(MINIMAL, 5, "    operator: demodorp.example\n    role: nass")),
                dir, 6, "clients[0].role", "unknown value 'nass' (did you mean 'nas'?); valid values: nas, federation");
        onlyProblem(load(dir, "server:\n  directory-down:\n    nas: silent\n" + MINIMAL), dir, 3,
                "server.directory-down.nas", "valid values: no-reply, reject");
    }

    @Test
    void missingRequiredFields() {
        onlyProblem(load(dir, replaceLine(MINIMAL, 5, "")), dir, 2, "clients[0]", "missing required key 'operator'");
        onlyProblem(load(dir, replaceLine(MINIMAL, 5, "    operator:")), dir, 5, "clients[0].operator",
                "must not be empty");
        onlyProblem(load(dir, replaceLine(MINIMAL, 5, "    operator: ~")), dir, 5, "clients[0].operator",
                "'operator' has no value");
        onlyProblem(load(dir, MINIMAL.replace("clients:\n  - name: ap\n    address: 192.0.2.0/24\n"
                + "    secret: {env: NAS_SECRET}\n    operator: demodorp.example\n", "")), dir, 1, "",
                "missing required key 'clients'");
        onlyProblem(load(dir, replaceLine(MINIMAL, 9, "realms: []").replace("  - realm: demodorp.example\n    directory: demo\n", "")),
                dir, 9, "realms", "list at least one");
    }

    @Test
    void badCidr() {
        onlyProblem(load(dir, replaceLine(MINIMAL, 3, "    address: 192.0.2.1/24")), dir, 3, "clients[0].address",
                "host bits set; did you mean 192.0.2.0/24?");
        onlyProblem(load(dir, replaceLine(MINIMAL, 3, "    address: ap.example.nl")), dir, 3, "clients[0].address",
                "is not an IP address or CIDR network");
    }

    @Test
    void badListenAddress() {
        onlyProblem(load(dir, "server:\n  address: localhost\n" + MINIMAL), dir, 2, "server.address",
                "'localhost' is not an IP address");
    }

    @Test
    void badLdapUrls() {
        List<ConfigProblem> problems = problems(load(dir, replaceLine(LDAP, 8,
                "    urls:\n      - http://dc1.nijmegen.nl\n      - ldaps:///dc=nijmegen\n      - ldap://dc2/dc=nl")));
        assertEquals(3, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 9, "directories[0].urls[0]", "the scheme must be ldap or ldaps");
        assertProblem(problems.get(1), dir, 10, "directories[0].urls[1]", "has no host name");
        assertProblem(problems.get(2), dir, 11, "directories[0].urls[2]", "put the base DN in user-base-dn");
    }

    @Test
    void badDurations() {
        List<ConfigProblem> problems = problems(load(dir,
                "server:\n  reject-delay: 5\n  duplicate-window: -1s\n" + ldapWith("""
                            timeouts: {connect: 0s, operation: soon}
                            dead-server-retry: 1d
                        """).replace("server:\n", "")));
        assertEquals(5, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 2, "server.reject-delay", "'5' has no unit; write a number and a unit");
        assertProblem(problems.get(1), dir, 3, "server.duplicate-window", "must not be negative");
        assertProblem(problems.get(2), dir, 15, "directories[0].timeouts.connect", "must be more than 0");
        assertProblem(problems.get(3), dir, 15, "directories[0].timeouts.operation", "'soon' is not a duration");
        assertProblem(problems.get(4), dir, 16, "directories[0].dead-server-retry", "'1d' is not a duration");
    }

    @Test
    void numberRanges() {
        List<ConfigProblem> problems = problems(load(dir,
                "server:\n  auth-port: 70000\n  accounting-port: -1\n  in-flight-limit: 0\n" + MINIMAL));
        assertEquals(3, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 2, "server.auth-port", "must be 0 to 65535, got 70000");
        assertProblem(problems.get(1), dir, 3, "server.accounting-port", "must be 0 to 65535, got -1");
        assertProblem(problems.get(2), dir, 4, "server.in-flight-limit", "must be 1 to 1000000, got 0");
    }

    @Test
    void samePortTwice() {
        onlyProblem(load(dir, "server:\n  auth-port: 1813\n" + MINIMAL), dir, 2, "server.auth-port", "must differ");
    }

    @Test
    void badFilters() {
        List<ConfigProblem> problems = problems(load(dir, ldapWith("""
                    user-filter: "uid={user}"
                    disabled-filter: "(&(a=b)(c=d)"
                    group-filter: "(member={dn}))"
                """)));
        assertEquals(3, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 12, "directories[0].user-filter", "must be in parentheses");
        assertProblem(problems.get(1), dir, 13, "directories[0].disabled-filter", "not balanced");
        assertProblem(problems.get(2), dir, 14, "directories[0].group-filter", "not balanced");
    }

    @Test
    void userFilterWithoutTheUser() {
        onlyProblem(load(dir, ldapWith("    user-filter: \"(objectClass=person)\"\n")), dir, 12,
                "directories[0].user-filter", "must contain {user} or {nai}");
    }

    @Test
    void unknownFilterPlaceholder() {
        onlyProblem(load(dir, ldapWith("    user-filter: \"(uid={usr})\"\n")), dir, 12, "directories[0].user-filter",
                "unknown placeholder {usr} (did you mean 'user'?); valid placeholders: {user}, {realm}, {nai}");
    }

    @Test
    void vlanOutOfRange() {
        onlyProblem(load(dir, ldapWith("    vlans:\n      - group: cn=a,dc=nl\n        vlan: 5000\n")), dir, 14,
                "directories[0].vlans[0].vlan", "must be 1 to 4094");
    }

    @Test
    void startTlsWithLdapsAndMissingCaFile() {
        List<ConfigProblem> problems = problems(load(dir, ldapWith("    start-tls: true\n    ca-file: missing-ca.pem\n")));
        assertEquals(2, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 12, "directories[0].start-tls", "cannot be combined with ldaps://");
        assertProblem(problems.get(1), dir, 13, "directories[0].ca-file",
                "CA file " + dir.toAbsolutePath().resolve("missing-ca.pem") + " does not exist");
    }

    @Test
    void demoDirectoryTakesNoLdapKeys() {
        List<ConfigProblem> problems = problems(load(dir, replaceLine(MINIMAL, 8,
                "    embedded-demo: true\n    urls: [ldap://x]\n    colour: blue")));
        assertEquals(2, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 9, "directories[0].urls", "cannot be used with embedded-demo: true");
        assertProblem(problems.get(1), dir, 10, "directories[0].colour", "valid keys: name, embedded-demo");
    }

    @Test
    void duplicateYamlKeysReportTheSecondLine() {
        List<ConfigProblem> problems = problems(load(dir, replaceLine(MINIMAL, 5,
                "    operator: demodorp.example\n    name: ap2\n    operator: other.example")));
        assertEquals(2, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 6, "clients[0].name", "duplicate key 'name' (first at line 2)");
        assertProblem(problems.get(1), dir, 7, "clients[0].operator", "duplicate key 'operator' (first at line 5)");
    }

    @Test
    void duplicateClientNameAndAddress() {
        List<ConfigProblem> problems = problems(load(dir, replaceLine(MINIMAL, 5, "    operator: demodorp.example\n"
                + "  - name: ap\n    address: 192.0.2.0/24\n    secret: {env: NAS_SECRET}\n    operator: demodorp.example")));
        assertEquals(2, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 6, "clients[1].name", "duplicate client name 'ap'; clients[0] (line 2)");
        assertProblem(problems.get(1), dir, 7, "clients[1].address", "address 192.0.2.0/24 is already used by "
                + "client 'ap' (line 3)");
    }

    @Test
    void duplicateDirectoryName() {
        onlyProblem(load(dir, replaceLine(MINIMAL, 8, "    embedded-demo: true\n  - name: demo\n    embedded-demo: true")),
                dir, 9, "directories[1].name", "duplicate directory name 'demo'");
    }

    @Test
    void duplicateRealmIgnoringCase() {
        onlyProblem(load(dir, MINIMAL + "  - realm: DemoDorp.Example\n    directory: demo\n"), dir, 12,
                "realms[1].realm", "duplicate realm 'DemoDorp.Example'; realms[0] (line 10) already has it");
    }

    @Test
    void realmPointingAtAnUnknownDirectory() {
        onlyProblem(load(dir, replaceLine(MINIMAL, 11, "    directory: dmeo")), dir, 11, "realms[0].directory",
                "unknown directory 'dmeo' (did you mean 'demo'?); known directories: demo");
    }

    @Test
    void realmMustLookLikeARealm() {
        List<ConfigProblem> problems = problems(load(dir, MINIMAL
                + "  - realm: nijmegen\n    directory: demo\n"
                + "  - realm: jan@nijmegen.nl\n    directory: demo\n"
                + "  - realm: nij megen.nl\n    directory: demo\n"
                + "  - realm: gmail.com\n    directory: demo\n"));
        assertEquals(4, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 12, "realms[1].realm", "at least one dot");
        assertProblem(problems.get(1), dir, 14, "realms[2].realm", "contains '@'");
        assertProblem(problems.get(2), dir, 16, "realms[3].realm", "contains whitespace");
        assertProblem(problems.get(3), dir, 18, "realms[4].realm", "matches realm-sanity deny-realms pattern 'gmail.com'");
    }

    @Test
    void secretProblemsNameTheSourceAtItsLine() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("empty.secret"), "\n");
        String yaml = MINIMAL.replace("""
                    secret: {env: NAS_SECRET}
                """, """
                    secret: {env: NO_SUCH_VAR}
                    operator: demodorp.example
                  - name: b
                    address: 192.0.2.1
                    secret: {file: no-such.secret}
                    operator: demodorp.example
                  - name: c
                    address: 192.0.2.2
                    secret: ""
                    operator: demodorp.example
                  - name: d
                    address: 192.0.2.3
                    secret: {file: empty.secret}
                    operator: demodorp.example
                  - name: e
                    address: 192.0.2.4
                    secret: {env: EMPTY_VAR, file: x}
                """);
        List<ConfigProblem> problems = problems(load(dir, yaml));
        assertEquals(5, problems.size(), () -> ConfigFixture.lines(problems));
        assertProblem(problems.get(0), dir, 4, "clients[0].secret.env", "environment variable NO_SUCH_VAR is not set");
        assertProblem(problems.get(1), dir, 8, "clients[1].secret.file",
                "secret file " + dir.toAbsolutePath().resolve("no-such.secret") + " does not exist");
        assertProblem(problems.get(2), dir, 12, "clients[2].secret", "must not be empty");
        assertProblem(problems.get(3), dir, 16, "clients[3].secret.file", "is empty");
        assertProblem(problems.get(4), dir, 20, "clients[4].secret", "exactly one of env or file");
    }

    @Test
    void emptyEnvironmentVariable() {
        onlyProblem(load(dir, MINIMAL.replace("NAS_SECRET", "EMPTY_VAR")), dir, 4, "clients[0].secret.env",
                "environment variable EMPTY_VAR is empty");
    }

    @Test
    void bindPasswordTakesTheSameForms() {
        onlyProblem(load(dir, LDAP.replace("LDAP_PASSWORD", "UNSET_PASSWORD")), dir, 10,
                "directories[0].bind-password.env", "environment variable UNSET_PASSWORD is not set");
    }

    @Test
    void severalErrorsAreAllReported() {
        String yaml = """
                server:
                  auth-port: lots
                  reject-delay: 1 second
                clients:
                  - name: ap
                    address: 300.1.2.3
                    secret: {env: NAS_SECRET}
                    operator: demodorp.example
                    role: proxy
                directories:
                  - name: nijmegen
                    urls: [ftp://dc1]
                    bind-dn: cn=svc
                    bind-password: {env: LDAP_PASSWORD}
                realms:
                  - realm: demodorp.example
                    directory: nijmegen
                  - realm: other.example
                    directory: wijchen
                """;
        List<ConfigProblem> problems = problems(load(dir, yaml));
        assertEquals(List.of(2, 3, 6, 9, 11, 12, 19), problems.stream().map(ConfigProblem::line).toList(),
                () -> ConfigFixture.lines(problems));
        assertEquals(List.of("server.auth-port", "server.reject-delay", "clients[0].address", "clients[0].role",
                "directories[0]", "directories[0].urls[0]", "realms[1].directory"),
                problems.stream().map(ConfigProblem::keyPath).toList());
    }

    @Test
    void emptyFileAndNonMappingRoot() {
        onlyProblem(load(dir, "# nothing yet\n"), dir, 0, "", "config file is empty");
        onlyProblem(load(dir, "- a\n- b\n"), dir, 1, "", "expected a mapping");
    }

    @Test
    void aliasesAreRefused() {
        List<ConfigProblem> problems = problems(load(dir, replaceLine(replaceLine(MINIMAL, 5,
                "    operator: &op demodorp.example"), 10, "  - realm: *op")));
        assertProblem(problems.get(0), dir, 10, "realms[0].realm", "YAML aliases (*op) are not supported");
    }
}
