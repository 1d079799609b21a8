package nl.govroam.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes YAML to a temporary file, loads it, and asserts problems by their exact {@code file:line: path:} prefix. */
final class ConfigFixture {

    static final Map<String, String> ENV = Map.of(
            "NAS_SECRET", "env-nas-secret-0123456789",
            "LDAP_PASSWORD", "env-ldap-password-xyz",
            "EMPTY_VAR", "");

    /** The smallest valid file; tests append or replace sections. */
    static final String MINIMAL = """
            clients:
              - name: ap
                address: 192.0.2.0/24
                secret: {env: NAS_SECRET}
                operator: demodorp.example
            directories:
              - name: demo
                embedded-demo: true
            realms:
              - realm: demodorp.example
                directory: demo
            """;

    private ConfigFixture() {
    }

    static Path write(Path dir, String yaml) {
        try {
            Path file = dir.resolve("govroam.yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigResult load(Path dir, String yaml) {
        return ConfigLoader.load(write(dir, yaml), ENV);
    }

    static ConfigResult.Loaded loaded(ConfigResult result) {
        if (result instanceof ConfigResult.Invalid invalid) {
            fail("expected the file to load, got:\n" + lines(invalid.problems()));
        }
        return assertInstanceOf(ConfigResult.Loaded.class, result);
    }

    static List<ConfigProblem> problems(ConfigResult result) {
        if (result instanceof ConfigResult.Loaded) {
            fail("expected errors, but the file loaded");
        }
        return ((ConfigResult.Invalid) result).problems();
    }

    /** The one problem; its text starts with {@code file:line: path: } and contains {@code fragment}. */
    static ConfigProblem onlyProblem(ConfigResult result, Path dir, int line, String path, String fragment) {
        List<ConfigProblem> problems = problems(result);
        assertEquals(1, problems.size(), () -> "expected one problem, got:\n" + lines(problems));
        assertProblem(problems.get(0), dir, line, path, fragment);
        return problems.get(0);
    }

    static void assertProblem(ConfigProblem problem, Path dir, int line, String path, String fragment) {
        String prefix = dir.resolve("govroam.yaml") + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ");
        String text = problem.toString();
        assertTrue(text.startsWith(prefix), () -> "expected prefix '" + prefix + "' in: " + text);
        assertTrue(text.contains(fragment), () -> "expected '" + fragment + "' in: " + text);
    }

    static String lines(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }
}
