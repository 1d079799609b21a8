package nl.govroam.server.ops.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real FreeRADIUS {@code radclient} against a port on 127.0.0.1. */
public final class Radclient {
    public static final String PATH = "/usr/bin/radclient";

    /** What radclient printed and its exit code (0: the expected reply, 1: a reject or no reply). */
    public record Result(int exitCode, String output) {
        public boolean accepted() {
            return output.contains("Received Access-Accept");
        }

        public boolean rejected() {
            return output.contains("Received Access-Reject");
        }
    }

    private Radclient() {
    }

    public static boolean available() {
        return new java.io.File(PATH).canExecute();
    }

    /** Sends one request ({@code auth} or {@code acct}); attributes are radclient lines ({@code Name = "value"}). */
    public static Result send(int port, String command, String secret, String attributes) {
        return run(List.of(PATH, "-x", "-r", "1", "-t", "3", "127.0.0.1:" + port, command, secret), attributes);
    }

    /** An Access-Request with User-Name, User-Password, Calling-Station-Id and a Message-Authenticator. */
    public static Result auth(int port, String secret, String user, String password, String callingStationId) {
        return send(port, "auth", secret, "User-Name = \"" + user + "\"\nUser-Password = \"" + password + "\"\n"
                + "Calling-Station-Id = \"" + callingStationId + "\"\nMessage-Authenticator = 0x00\n");
    }

    public static Result run(List<String> command, String input) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("radclient did not finish");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("radclient could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
