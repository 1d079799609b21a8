package nl.govroam.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.govroam.server.ops.testing.OpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govroam run} as a process with its standard output in a file, as under systemd: the output is buffered
 * (written out every 200 ms, not per line), so a decision's auth line must still show up promptly, and a SIGTERM
 * must not lose the last lines.
 */
class RunCommandOutputE2eTest {
    private static final Pattern LISTENING = Pattern.compile("listening on /127\\.0\\.0\\.1:(\\d+) \\(auth\\)");

    @TempDir
    Path dir;

    @Test
    void theAuthLineShowsUpPromptlyAndAStopLosesNoLine() throws Exception {
        Path config = OpsServer.write(dir, OpsServer.yaml(dir, "", ""));
        Path stdout = dir.resolve("stdout.txt");
        String java = ProcessHandle.current().info().command().orElseThrow();
        // the server's own logging (not the tests' logback-test.xml, which is first on this class path)
        Path logback = Path.of(RunCommandOutputE2eTest.class.getResource("/logback.xml").toURI());
        Process server = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-Dlogback.configurationFile=" + logback,
                "-cp", System.getProperty("java.class.path"), "nl.govroam.server.cli.Main",
                "run", "--config", config.toString(), "--pid-file", dir.resolve("govroam.pid").toString())
                .redirectErrorStream(true).redirectOutput(stdout.toFile()).start();
        try {
            Optional<Matcher> found = await(stdout, LISTENING, Duration.ofSeconds(30), server);
            if (found.isEmpty()) {
                fail("no 'listening' line in 30 s:\n" + read(stdout));
            }
            Matcher listening = found.get();
            InetSocketAddress auth = new InetSocketAddress("127.0.0.1", Integer.parseInt(listening.group(1)));

            RadClient.Result reply = RadClient.authenticate(auth, OpsServer.SECRET, "jan.jansen@demodorp.example",
                    "demo-password");
            assertEquals(Optional.of("Access-Accept"), reply.replyCode(), reply.output());
            long replied = System.nanoTime();
            Pattern authLine = Pattern.compile("INFO  auth - result=accept client=\"localhost\" "
                    + "user=\"jan\\.jansen@demodorp\\.example\"");
            assertTrue(await(stdout, authLine, Duration.ofSeconds(5), server).isPresent(),
                    "no auth line within 5 s of the reply:\n" + read(stdout));
            long lateMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - replied);
            assertTrue(lateMs < 1500, "the auth line came " + lateMs + " ms after the reply");

            server.destroy(); // SIGTERM
            assertTrue(server.waitFor(20, TimeUnit.SECONDS), "the server did not stop within 20 s of SIGTERM");
            List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
            assertTrue(lines.get(lines.size() - 1).endsWith("govroam server stopped"),
                    "the last lines were lost at the stop; the output ends with: "
                            + lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } finally {
            if (server.isAlive()) {
                server.destroyForcibly();
                server.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static Optional<Matcher> await(Path file, Pattern pattern, Duration timeout, Process server)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(read(file));
            if (matcher.find()) {
                return Optional.of(matcher);
            }
            if (!server.isAlive()) {
                fail("the server exited with " + server.exitValue() + ":\n" + read(file));
            }
            Thread.sleep(20);
        }
        return Optional.empty();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
