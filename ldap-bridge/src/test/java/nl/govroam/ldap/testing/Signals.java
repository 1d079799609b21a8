package nl.govroam.ldap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/** Sends a signal to a process a fixture started ({@code kill -STOP}, {@code -CONT}, {@code -KILL}), by its PID. */
public final class Signals {
    private Signals() {
    }

    /** @throws IllegalStateException when {@code kill} fails (e.g. the process is gone) */
    public static void send(Process process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
