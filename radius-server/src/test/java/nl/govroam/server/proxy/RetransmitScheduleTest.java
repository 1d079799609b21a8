package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** RFC 5080 2.2.1 retransmission timing: IRT with jitter, doubling, capped at MRT, never beyond the window (MRD). */
class RetransmitScheduleTest {
    private static final long S = 1_000_000_000L;

    @Test
    void withoutJitterTheWaitsDoubleFromTwoSeconds() {
        assertEquals(List.of(2 * S, 6 * S), new RetransmitSchedule(20 * S, 2).retransmitTimes(() -> 0.5));
    }

    @Test
    void jitterIsTenPercentEitherWay() {
        List<Long> low = new RetransmitSchedule(20 * S, 2).retransmitTimes(() -> 0.0);
        assertEquals(1.8 * S, low.get(0), 1e3);
        assertEquals(1.8 * S + 3.42 * S, low.get(1), 1e3);
        List<Long> high = new RetransmitSchedule(20 * S, 2).retransmitTimes(() -> 0.999999);
        assertEquals(2.2 * S, high.get(0), 1e4);
    }

    @Test
    void waitsAreCappedAtMrtAndStopAtTheWindow() {
        List<Long> times = new RetransmitSchedule(60 * S, 10).retransmitTimes(() -> 0.5);
        assertEquals(List.of(2 * S, 6 * S, 14 * S, 30 * S, 46 * S), times);
    }

    @Test
    void aShortWindowShrinksTheInitialWaitSoTheRetriesFit() {
        for (int run = 0; run < 1000; run++) {
            List<Long> times = new RetransmitSchedule(3 * S, 2).retransmitTimes(ThreadLocalRandom.current()::nextDouble);
            assertEquals(2, times.size());
            assertTrue(times.get(0) > 0 && times.get(1) > times.get(0) && times.get(1) < 3 * S, times::toString);
        }
        assertEquals(List.of(), new RetransmitSchedule(3 * S, 0).retransmitTimes(() -> 0.5));
    }
}
