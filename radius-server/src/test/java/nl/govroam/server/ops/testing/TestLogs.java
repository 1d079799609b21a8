package nl.govroam.server.ops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/** Reads what logback-test.xml wrote to target/test-logs/ (the real audit and F-ticks encoders). */
public final class TestLogs {
    public static final Path DIR = Path.of("target/test-logs");
    public static final Path AUDIT = DIR.resolve("audit.jsonl");
    public static final Path FTICKS = DIR.resolve("fticks.log");

    private TestLogs() {
    }

    /** The lines of {@code file} that match, waiting up to 5 s for at least {@code count} of them. */
    public static List<String> await(Path file, Predicate<String> match, int count) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            List<String> lines = lines(file).stream().filter(match).toList();
            if (lines.size() >= count || System.nanoTime() > deadline) {
                return lines;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return lines;
            }
        }
    }

    public static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
