package nl.govroam.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.govroam.server.ops.testing.OpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code govroam test-auth} against the running server: its exit code is what monitoring sees. */
class TestAuthTest {
    @TempDir
    static Path dir;
    private static OpsServer server;

    @BeforeAll
    static void start() {
        server = OpsServer.start(dir, OpsServer.yaml(dir, "", ""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static CliOutput testAuth(String secret, String user, String password, String timeout) {
        return CliOutput.run("test-auth", "--server", "127.0.0.1:" + server.authPort(), "--secret", secret,
                "--user", user, "--password", password, "--timeout", timeout);
    }

    @Test
    void acceptIsExit0AndShowsTheVlan() {
        CliOutput r = testAuth(OpsServer.SECRET, OpsServer.JAN, OpsServer.PASSWORD, "3s");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("Access-Accept from 127.0.0.1:" + server.authPort()), r.out());
        assertTrue(r.out().contains("VLAN: 100"), r.out());
    }

    @Test
    void rejectIsExit1() {
        CliOutput r = testAuth(OpsServer.SECRET, OpsServer.JAN, "not-her-password", "3s");
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("Access-Reject"), r.out());
    }

    @Test
    void aWrongSecretGetsNoAnswerAndIsExit2() {
        CliOutput r = testAuth("not-the-secret", OpsServer.JAN, OpsServer.PASSWORD, "1200ms");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("no reply from"), r.out());
    }

    @Test
    void secretsCanComeFromFiles() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), OpsServer.SECRET + "\n");
        Path password = Files.writeString(dir.resolve("password"), OpsServer.PASSWORD + "\n");
        CliOutput r = CliOutput.run("test-auth", "--server", "127.0.0.1:" + server.authPort(), "--secret-file",
                secret.toString(), "--user", OpsServer.JAN, "--password-file", password.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
    }

    @Test
    void usageErrorsAreExit2() {
        assertEquals(2, CliOutput.run("test-auth", "--server", "127.0.0.1:1812").exitCode());
        assertEquals(2, CliOutput.run("test-auth", "--server", "127.0.0.1:1812", "--secret", "s", "--user", "u",
                "--password", "p", "--method", "eap-md5").exitCode());
    }
}
