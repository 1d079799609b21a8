package nl.govroam.server.proxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A real radsecproxy (Debian package radsecproxy) in the foreground, configured by the test; stopped by its handle. */
final class RadSecProxyServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/radsecproxy");

    private final Process process;
    private final Path dir;
    private final int port;

    private RadSecProxyServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "radsecproxy is not installed");
    }

    /** Starts with {@code blocks} (tls, client, server, realm) and a TLS listener on a free port of 127.0.0.1. */
    static RadSecProxyServer start(Path dir, String blocks) {
        return start(dir, blocks, true);
    }

    /** As a RadSec client only (UDP in front, TLS to its servers): no TLS listener; ready after a short settle. */
    static RadSecProxyServer startClientOnly(Path dir, String blocks) {
        return start(dir, blocks, false);
    }

    private static RadSecProxyServer start(Path dir, String blocks, boolean listenTls) {
        assumeInstalled();
        int port = freeTcpPort();
        String conf = (listenTls ? "ListenTLS 127.0.0.1:" + port + "\n" : "") + "LogLevel 5\nLogDestination file://" + dir.resolve("radsecproxy.log")
                + "\n" + blocks;
        try {
            Files.writeString(dir.resolve("radsecproxy.conf"), conf);
            Process p = new ProcessBuilder(BINARY.toString(), "-f", "-d", "5", "-c", dir.resolve("radsecproxy.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
            RadSecProxyServer server = new RadSecProxyServer(p, dir, port);
            if (listenTls) {
                server.awaitListening();
            } else {
                FreeRadiusServer.sleep(1000);
                if (!p.isAlive()) {
                    throw new IllegalStateException("radsecproxy exited:\n" + server.log());
                }
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("radsecproxy exited:\n" + log());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                FreeRadiusServer.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("radsecproxy not listening in 10 s:\n" + log());
    }

    int port() {
        return port;
    }

    String log() {
        try {
            Path log = dir.resolve("radsecproxy.log");
            return (Files.exists(log) ? Files.readString(log) : "") + Files.readString(dir.resolve("stdout.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int freeTcpPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
