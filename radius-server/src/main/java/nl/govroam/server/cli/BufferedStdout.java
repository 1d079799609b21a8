package nl.govroam.server.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * The running server's standard output, buffered and written out every {@value #FLUSH_EVERY_MS} ms (and when the
 * buffer fills, and at exit) instead of once per line. The console log carries one line per decision: on the JVM's
 * own {@code System.out}, which flushes on every write, each line cost a write system call, on a busy server about
 * half of the decision writer's time. A line now reaches the journal at most {@value #FLUSH_EVERY_MS} ms late, with
 * its own timestamp. The logback configs leave flushing to this ({@code immediateFlush} false on the console); a
 * config that keeps logback's per-line flush still works, line by line.
 */
final class BufferedStdout {
    static final long FLUSH_EVERY_MS = 200;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static volatile PrintStream installed;

    private BufferedStdout() {
    }

    /** Replaces {@code System.out} for the rest of the process; the previous stream is flushed first. */
    static synchronized PrintStream install() {
        if (installed == null) {
            PrintStream previous = System.out;
            previous.flush();
            installed = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), BUFFER_BYTES),
                    false, previous.charset());
            System.setOut(installed);
            Thread.ofPlatform().name("stdout-flush").daemon().start(BufferedStdout::flushLoop);
        }
        return installed;
    }

    /** Writes out what is buffered (no-op when nothing is installed). */
    static void flush() {
        PrintStream out = installed;
        if (out != null) {
            out.flush();
        }
    }

    private static void flushLoop() {
        while (true) {
            try {
                TimeUnit.MILLISECONDS.sleep(FLUSH_EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
            flush();
        }
    }
}
