package nl.govroam.server.eap.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code eapol_test} (Debian package {@code eapoltest}, hostapd 2.10) once against a RADIUS server:
 * it does the whole EAP conversation, derives the MSK itself and compares it with the MS-MPPE keys of the
 * Access-Accept. Each run is bounded ({@code -t}) and killed by its own handle if it overruns.
 */
public final class EapolTest {
    static final int TIMEOUT_SECONDS = 8;

    /**
     * What one run printed.
     *
     * @param exitCode 0 on EAP success with matching keys
     * @param output   stdout and stderr
     */
    public record Result(int exitCode, String output) {
        public boolean success() {
            return exitCode == 0 && output.contains("\nSUCCESS");
        }

        public boolean mppeKeysMatch() {
            return output.contains("MPPE keys OK: 1  mismatch: 0");
        }

        public boolean rejected() {
            return output.contains("code=3 (Access-Reject)") && !output.contains("\nSUCCESS");
        }

        /** The last lines, for assertion messages. */
        public String tail() {
            return output.length() > 3000 ? output.substring(output.length() - 3000) : output;
        }
    }

    private EapolTest() {
    }

    /** The executable, or null when {@code eapoltest} is not installed. */
    public static Path executable() {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin")) {
            Path p = Path.of(dir, "eapol_test");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Runs one conversation.
     *
     * @param network   the body of a wpa_supplicant {@code network={...}} block
     * @param extraArgs e.g. {@code "-N89:x:00"} to ask for a CUI
     */
    public static Result run(Path workDir, int port, String secret, String network, String... extraArgs)
            throws IOException, InterruptedException {
        Path conf = Files.createTempFile(workDir, "eapol-", ".conf");
        Files.writeString(conf, "network={\n    key_mgmt=WPA-EAP\n" + network + "\n}\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(executable().toString(), "-c", conf.toString(),
                "-a", "127.0.0.1", "-p", Integer.toString(port), "-s", secret, "-t", Integer.toString(TIMEOUT_SECONDS)));
        command.addAll(List.of(extraArgs));
        Path log = workDir.resolve(conf.getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS + 5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, Files.readString(log) + "\n(killed after " + (TIMEOUT_SECONDS + 5) + " s)");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }
}
