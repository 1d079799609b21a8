package nl.govroam.server.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The running server's process id in a file, written by {@code run} and read by {@code reload} to send it SIGHUP.
 * Default {@code var/govroam.pid} under the install directory; {@code --pid-file FILE} for both commands (systemd:
 * {@code /run/govroam/govroam.pid}, though there {@code systemctl reload} sends the signal itself).
 */
final class PidFile {
    static final Path DEFAULT = Path.of(System.getProperty("govroam.home", ".")).resolve("var/govroam.pid").normalize();

    private PidFile() {
    }

    static void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
    }

    /** The pid in the file, when the file is there and names a live process. */
    static Optional<ProcessHandle> running(Path file) {
        try {
            long pid = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Deletes the file if it still holds this process's pid (a newer server may have replaced it). */
    static void removeOwn(Path file) {
        running(file).filter(p -> p.pid() == ProcessHandle.current().pid()).ifPresent(p -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stale file is harmless: reload checks that the pid is alive
            }
        });
    }
}
