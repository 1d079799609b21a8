package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The FreeRADIUS home-server model: alive, zombie, dead, revived after N probe answers in a row. */
class PeerHealthTest {
    private static final long S = 1_000_000_000L;
    private final PeerHealth health = new PeerHealth("nrs1", 3, Duration.ofSeconds(40));

    @Test
    void aMissedResponseWindowMakesAZombieThenDeadAfterTheZombiePeriod() {
        assertEquals(PeerState.ALIVE, health.state(0));
        health.onTimeout(10 * S);
        assertEquals(PeerState.ZOMBIE, health.state(10 * S));
        health.onProbeTimeout(30 * S);
        assertEquals(PeerState.ZOMBIE, health.state(49 * S));
        assertEquals(PeerState.DEAD, health.state(50 * S));
    }

    @Test
    void aDeadPeerIsRevivedOnlyByEnoughProbeAnswersInARow() {
        health.onTimeout(0);
        assertEquals(PeerState.DEAD, health.state(41 * S));
        health.onProbeAnswer(60 * S);
        health.onProbeAnswer(90 * S);
        health.onProbeTimeout(120 * S);
        health.onProbeAnswer(150 * S);
        health.onProbeAnswer(180 * S);
        assertEquals(PeerState.DEAD, health.state(181 * S));
        health.onProbeAnswer(210 * S);
        assertEquals(PeerState.ALIVE, health.state(211 * S));
    }

    @Test
    void aZombieThatAnswersARealRequestIsAliveAgain() {
        health.onTimeout(0);
        health.onAnswer(5 * S);
        assertEquals(PeerState.ALIVE, health.state(100 * S));
    }
}
