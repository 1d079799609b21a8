package nl.govroam.server.config;

import static nl.govroam.server.config.ConfigFixture.ENV;
import static nl.govroam.server.config.ConfigFixture.MINIMAL;
import static nl.govroam.server.config.ConfigFixture.assertProblem;
import static nl.govroam.server.config.ConfigFixture.load;
import static nl.govroam.server.config.ConfigFixture.loaded;
import static nl.govroam.server.config.ConfigFixture.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretHandlingTest {

    @TempDir
    Path dir;

    @Test
    void shortSharedSecretIsAWarningAndTheFileLoads() {
        ConfigResult.Loaded result = loaded(load(dir, MINIMAL.replace("{env: NAS_SECRET}", "\"short1\"")));
        assertEquals(1, result.warnings().size());
        ConfigProblem warning = result.warnings().get(0);
        assertEquals(ConfigProblem.Severity.WARNING, warning.severity());
        assertProblem(warning, dir, 4, "clients[0].secret", "warning: the shared secret is shorter than 16 characters");
        assertFalse(warning.toString().contains("short1"));
        assertEquals("short1", result.config().clients().get(0).secret().reveal());
    }

    @Test
    void shortBindPasswordIsNotWarnedAbout() {
        String yaml = ConfigProblemsTest.LDAP.replace("{env: LDAP_PASSWORD}", "pw");
        assertEquals(List.of(), loaded(load(dir, yaml)).warnings());
    }

    @Test
    void secretsNeverAppearInProblemsOrToString() throws Exception {
        String inline = "inline-secret-AAAA";
        Files.writeString(dir.resolve("bind.pw"), "file-secret-BBBB\n");
        String valid = ConfigProblemsTest.LDAP
                .replace("{env: NAS_SECRET}", "\"" + inline + "\"")
                .replace("{env: LDAP_PASSWORD}", "{file: bind.pw}");
        List<String> secrets = List.of(inline, "file-secret-BBBB", ENV.get("NAS_SECRET"));

        GovroamConfig config = loaded(ConfigLoader.load(ConfigFixture.write(dir, valid), ENV)).config();
        String text = config.toString();
        secrets.forEach(secret -> assertFalse(text.contains(secret), text));
        assertTrue(text.contains("<secret from inline>"), text);

        String broken = valid
                .replace("    address: 192.0.2.0/24\n", "    address: 192.0.2.0/24\n    secret-extra: " + inline + "\n")
                .replace("    operator: demodorp.example\n", "    operator: " + "x\n    role: " + inline + "\n")
                .replace("user-base-dn: ou=people,dc=nijmegen,dc=nl", "user-base-dn: [a]\n    bind-password: {file: bind.pw}");
        List<ConfigProblem> problems = problems(ConfigLoader.load(ConfigFixture.write(dir, broken), ENV));
        assertTrue(problems.size() >= 3, () -> ConfigFixture.lines(problems));
        for (ConfigProblem problem : problems) {
            for (String secret : List.of("file-secret-BBBB", ENV.get("NAS_SECRET"))) {
                assertFalse(problem.toString().contains(secret), problem.toString());
            }
        }
    }

    @Test
    void secretValuesAreNotEchoedWhenTheirShapeIsWrong() {
        List<ConfigProblem> problems = problems(load(dir, MINIMAL.replace("{env: NAS_SECRET}",
                "{value: hidden-value-CCCC, env: [hidden-value-DDDD]}")));
        assertTrue(problems.size() >= 2, () -> ConfigFixture.lines(problems));
        problems.forEach(p -> assertFalse(p.toString().contains("hidden-value"), p.toString()));
    }
}
