package nl.govroam.ldap.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Child-process chores of the fixture: finding executables, free ports, waiting for a port, cleaning up. */
final class LocalProcesses {
    static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private LocalProcesses() {
    }

    /**
     * Waits until {@code process} itself listens on 127.0.0.1:{@code port}. A port that merely answers is not proof:
     * between {@link #freePort()} and slapd's bind another process (another test JVM on the same machine) may take
     * the port, and a connect would then reach that one. So the listening socket's inode (/proc/net/tcp) must be one
     * of the process's own file descriptors.
     */
    static void awaitPort(Process process, int port, Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd exited with " + process.exitValue() + ": " + tail(log));
            }
            if (listensOn(process.pid(), port)) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for slapd", e);
            }
        }
        throw new IllegalStateException("slapd did not listen on 127.0.0.1:" + port + " within " + START_TIMEOUT
                + ": " + tail(log));
    }

    private static boolean listensOn(long pid, int port) {
        String localAddress = String.format("0100007F:%04X", port);
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (java.util.stream.Stream<String> lines = Files.lines(Path.of("/proc/net/tcp"))) {
            lines.skip(1).map(String::trim).map(l -> l.split("\\s+"))
                    .filter(f -> f.length > 9 && f[1].equals(localAddress) && f[3].equals("0A"))
                    .forEach(f -> inodes.add("socket:[" + f[9] + "]"));
        } catch (IOException e) {
            return false;
        }
        if (inodes.isEmpty()) {
            return false;
        }
        try (java.util.stream.Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return inodes.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException gone) {
                    return false;
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    static void run(Path dir, List<String> command) throws IOException {
        Path log = dir.resolve(Path.of(command.get(0)).getFileName() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish: " + tail(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed with " + process.exitValue() + ": " + tail(log));
        }
    }

    static Path executable(String name, String installHint) {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry, name));
                }
            }
        }
        candidates.add(Path.of("/usr/sbin", name));
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
                new IllegalStateException("OpenLDAP " + name + " not found on PATH or in /usr/sbin: " + installHint));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path log) {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
