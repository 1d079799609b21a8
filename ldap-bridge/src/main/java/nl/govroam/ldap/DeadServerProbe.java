package nl.govroam.ldap;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every {@code deadServerRetry}, tries to reach each server whose breaker is open, on one daemon thread. */
final class DeadServerProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadServerProbe.class);

    private final ScheduledExecutorService scheduler;

    DeadServerProbe(String directory, List<LdapServer> servers, Duration interval) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ldap-probe-" + directory);
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        scheduler.scheduleWithFixedDelay(() -> probeDown(directory, servers), millis, millis, TimeUnit.MILLISECONDS);
    }

    private static void probeDown(String directory, List<LdapServer> servers) {
        for (LdapServer server : servers) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                if (!server.breaker().isUp()) {
                    server.probe();
                }
            } catch (RuntimeException e) {
                LOG.warn("directory {}: probe of {} failed: {}", directory, server.url(), ServerCallFailure.describe(e));
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
