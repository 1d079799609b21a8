package nl.govroam.bench;

/**
 * What one phase of a load generator counted: replies by kind, what timed out, what was stale or bad, and the
 * latencies (of single requests, or of whole handshakes). A generator's phase takes the replies as the receiver of
 * its {@link ServerSockets}.
 */
abstract class PhaseCounts implements ServerSockets.Receiver {
    long accepts;
    long rejects;
    long others;
    long timeouts;
    long stale;
    long bad;
    final LatencyRecorder latencies;

    PhaseCounts(long count, long maxRecorded) {
        latencies = new LatencyRecorder((int) Math.min(count, maxRecorded));
    }

    /** Counts a final answer by its code (Access-Accept, Access-Reject or anything else). */
    void answered(int code) {
        switch (code) {
            case RadiusWire.ACCESS_ACCEPT -> accepts++;
            case RadiusWire.ACCESS_REJECT -> rejects++;
            default -> others++;
        }
    }

    /** The phase's result; {@code socketBad} adds what the sockets counted as bad. */
    LoadGenerator.Stats stats(long sent, long socketBad, long elapsedNanos) {
        return new LoadGenerator.Stats(sent, accepts, rejects, others, timeouts, stale, bad + socketBad, elapsedNanos,
                latencies.sorted());
    }
}
