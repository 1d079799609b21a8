package nl.govroam.server.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When a request to a UDP peer is sent again (RFC 5080 2.2.1, after RFC 3315 14): the first wait is
 * RT = IRT + RAND*IRT, each next one RT = 2*RTprev + RAND*RTprev, capped at MRT + RAND*MRT, with RAND uniform in
 * [-0.1, 0.1]; at most {@code retries} retransmissions (MRC) and none after the response window (MRD), which ends the
 * request. IRT is 2 s as RFC 5080 suggests, smaller when the window is too short for the first three retransmissions:
 * IRT = min(2 s, 0.75 * window / (2^k - 1)) with k = min(retries, 3), so the first three fit even with +10% jitter;
 * MRT is 16 s.
 */
record RetransmitSchedule(long windowNanos, int retries) {
    static final long IRT_NANOS = 2_000_000_000L;
    static final long MRT_NANOS = 16_000_000_000L;

    /**
     * The times after the first transmission, in nanoseconds, at which to retransmit; each is inside the window.
     *
     * @param random uniform in [0, 1)
     */
    List<Long> retransmitTimes(DoubleSupplier random) {
        List<Long> times = new ArrayList<>(retries);
        if (retries == 0) {
            return times;
        }
        long fitting = (long) (0.75 * windowNanos / ((1L << Math.min(retries, 3)) - 1));
        long irt = Math.min(IRT_NANOS, fitting);
        double rt = irt + jitter(random) * irt;
        double at = 0;
        for (int i = 0; i < retries; i++) {
            at += rt;
            if (at >= windowNanos) {
                break;
            }
            times.add((long) at);
            rt = 2 * rt + jitter(random) * rt;
            if (rt > MRT_NANOS) {
                rt = MRT_NANOS + jitter(random) * MRT_NANOS;
            }
        }
        return times;
    }

    private static double jitter(DoubleSupplier random) {
        return random.getAsDouble() * 0.2 - 0.1;
    }
}
