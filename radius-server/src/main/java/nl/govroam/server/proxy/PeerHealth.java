package nl.govroam.server.proxy;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The health of one peer (federation-rules.md 8): alive until a request goes unanswered for its response window, then
 * zombie (probed with Status-Server every check interval); dead once it stays silent for the zombie period; alive
 * again (revived) after {@code answersToAlive} probe answers in a row, or at once when it answers a real request.
 * Times are {@link System#nanoTime} values passed in, so the model is testable without waiting. Thread-safe.
 */
public final class PeerHealth {
    private static final Logger LOG = LoggerFactory.getLogger(PeerHealth.class);

    private final String peer;
    private final int answersToAlive;
    private final long zombiePeriodNanos;
    private PeerState state = PeerState.ALIVE;
    private long zombieSince;
    private int probeAnswersInARow;

    public PeerHealth(String peer, int answersToAlive, Duration zombiePeriod) {
        this.peer = peer;
        this.answersToAlive = answersToAlive;
        this.zombiePeriodNanos = zombiePeriod.toNanos();
    }

    public synchronized PeerState state(long now) {
        expireZombie(now);
        return state;
    }

    /** A validly signed answer to a real request. */
    public synchronized void onAnswer(long now) {
        if (state != PeerState.ALIVE) {
            move(PeerState.ALIVE, "answered a request");
        }
        probeAnswersInARow = 0;
    }

    /** A request went unanswered for the whole response window. */
    public synchronized void onTimeout(long now) {
        probeAnswersInARow = 0;
        if (state == PeerState.ALIVE) {
            zombieSince = now;
            move(PeerState.ZOMBIE, "no answer within the response window");
        } else {
            expireZombie(now);
        }
    }

    /** A validly signed answer to a Status-Server probe. */
    public synchronized void onProbeAnswer(long now) {
        if (state == PeerState.ALIVE) {
            return;
        }
        probeAnswersInARow++;
        if (probeAnswersInARow >= answersToAlive) {
            probeAnswersInARow = 0;
            move(PeerState.ALIVE, "revived: " + answersToAlive + " Status-Server answers in a row");
        }
    }

    /** A Status-Server probe went unanswered. */
    public synchronized void onProbeTimeout(long now) {
        probeAnswersInARow = 0;
        expireZombie(now);
    }

    private void expireZombie(long now) {
        if (state == PeerState.ZOMBIE && now - zombieSince >= zombiePeriodNanos) {
            move(PeerState.DEAD, "silent for the zombie period");
        }
    }

    private void move(PeerState next, String why) {
        LOG.warn("peer {}: {} -> {} ({})", peer, state.name().toLowerCase(), next.name().toLowerCase(), why);
        state = next;
    }
}
