package nl.govroam.server.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.service.GovroamService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Reload by signal: {@code run} reloads on SIGHUP (as {@code systemctl reload} sends); {@code govroam reload} checks
 * the file first (a bad file is reported here and never sent), then signals the server named by the pid file. The
 * server logs the outcome and counts it in the metrics ({@code govroam_config_reloads_total}).
 */
final class ReloadSignal {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadSignal.class);

    private ReloadSignal() {
    }

    /** SIGHUP reloads; each on its own thread, so a signal never waits on a reload in progress. */
    static void install(GovroamService service) {
        Signal.handle(new Signal("HUP"), signal -> Thread.ofVirtual().name("govroam-reload").start(() -> {
            try {
                service.reload();
            } catch (RuntimeException e) {
                LOG.error("reload failed: {}", e.toString());
            }
        }));
    }

    /** The {@code reload} command, after the file was found valid. */
    static int send(Path pidFile, PrintStream out, PrintStream err) {
        Optional<ProcessHandle> server = PidFile.running(pidFile);
        if (server.isEmpty()) {
            err.println(pidFile + ": no running govroam server found (start it with govroam run, or give --pid-file)");
            return Main.FAILED;
        }
        long pid = server.get().pid();
        try {
            Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                err.println("could not signal process " + pid);
                return Main.FAILED;
            }
        } catch (java.io.IOException e) {
            err.println("could not signal process " + pid + ": " + e.getMessage());
            return Main.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.FAILED;
        }
        out.println("reload sent to the server (pid " + pid + "); it logs the result");
        return Main.OK;
    }
}
