package nl.govroam.ldap;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one server is tried. Opened by a failure to reach it, closed only by the dead-server probe.
 * Also remembers whether the service account's bind is refused there, so that is logged at ERROR once per
 * change rather than once per request. Transitions are logged once.
 */
final class CircuitBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    private record State(boolean up, Instant since, Optional<String> lastError, boolean serviceBindRefused) {
    }

    private final String directory;
    private final String url;
    private final Clock clock;
    private final AtomicReference<State> state;

    CircuitBreaker(String directory, String url, Clock clock) {
        this.directory = directory;
        this.url = url;
        this.clock = clock;
        this.state = new AtomicReference<>(new State(true, clock.instant(), Optional.empty(), false));
    }

    boolean isUp() {
        return state.get().up();
    }

    /** The server did not answer: skip it until a probe reaches it. Returns true if this call opened the breaker. */
    boolean open(String reason) {
        State before = state.getAndUpdate(s -> s.up()
                ? new State(false, clock.instant(), Optional.of(reason), s.serviceBindRefused())
                : new State(false, s.since(), Optional.of(reason), s.serviceBindRefused()));
        if (before.up()) {
            LOG.warn("directory {}: server {} marked down: {}", directory, url, reason);
            return true;
        }
        return false;
    }

    /** A probe reached the server again. */
    void close() {
        State before = state.getAndUpdate(s -> s.up() ? s
                : new State(true, clock.instant(), s.lastError(), s.serviceBindRefused()));
        if (!before.up()) {
            LOG.info("directory {}: server {} is back", directory, url);
        }
    }

    void serviceBindRefused(String reason) {
        State before = state.getAndUpdate(s -> new State(s.up(), s.since(), Optional.of(reason), true));
        if (!before.serviceBindRefused()) {
            LOG.error("directory {}: {}; check the directory's bind password", directory, reason);
        }
    }

    void serviceBindAccepted() {
        if (!state.get().serviceBindRefused()) {
            return;
        }
        State before = state.getAndUpdate(s -> new State(s.up(), s.since(), s.lastError(), false));
        if (before.serviceBindRefused()) {
            LOG.info("directory {}: service account bind accepted again at {}", directory, url);
        }
    }

    ServerHealth health() {
        State s = state.get();
        return new ServerHealth(url, s.up(), s.since(), s.lastError());
    }
}
