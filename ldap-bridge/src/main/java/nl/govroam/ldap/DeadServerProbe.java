package nl.govroam.ldap;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code deadServerRetry}, tries to reach each server whose breaker is open. Runs as a timer on one event loop
 * of the directory's group; the probe itself is asynchronous, so the loop never waits for it.
 */
final class DeadServerProbe implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeadServerProbe.class);

    private final ScheduledFuture<?> timer;

    DeadServerProbe(String directory, List<LdapServer> servers, Duration interval, EventLoopGroup group) {
        EventLoop loop = (EventLoop) group.next();
        long millis = Math.max(1, interval.toMillis());
        this.timer = loop.scheduleWithFixedDelay(() -> probeDown(directory, servers, loop), millis, millis,
                TimeUnit.MILLISECONDS);
    }

    private static void probeDown(String directory, List<LdapServer> servers, EventLoop loop) {
        for (LdapServer server : servers) {
            try {
                if (!server.breaker().isUp()) {
                    server.probe(loop);
                }
            } catch (RuntimeException e) {
                LOG.warn("directory {}: probe of {} failed: {}", directory, server.url(), ServerCallFailure.describe(e));
            }
        }
    }

    @Override
    public void close() {
        timer.cancel(false);
    }
}
