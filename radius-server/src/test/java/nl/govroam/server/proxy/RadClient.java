package nl.govroam.server.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The real {@code radclient} (Debian package freeradius-utils), as a NAS sends. Returns its verbose output. */
final class RadClient {
    static final Path BINARY = Path.of("/usr/bin/radclient");

    private RadClient() {
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "radclient (freeradius-utils) is not installed");
    }

    /** Sends one request ({@code attributes} in radclient syntax) and returns radclient's output. */
    static String send(InetSocketAddress server, String command, String secret, String attributes, int timeoutSeconds) {
        assumeInstalled();
        try {
            Process p = new ProcessBuilder(BINARY.toString(), "-x", "-r", "1", "-t", String.valueOf(timeoutSeconds),
                    server.getAddress().getHostAddress() + ":" + server.getPort(), command, secret)
                    .redirectErrorStream(true).start();
            p.getOutputStream().write(attributes.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(timeoutSeconds + 10L, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
