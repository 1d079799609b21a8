package nl.govroam.bench;

import java.util.Arrays;

/** Every latency of a run, exact percentiles at the end. Bounded: past {@code capacity} samples it keeps none. */
final class LatencyRecorder {
    private long[] samples;
    private int size;
    private final int capacity;

    LatencyRecorder(int capacity) {
        this.capacity = capacity;
        this.samples = new long[Math.min(capacity, 1 << 16)];
    }

    void record(long nanos) {
        if (size == samples.length) {
            if (size >= capacity) {
                return;
            }
            samples = Arrays.copyOf(samples, (int) Math.min(capacity, (long) size * 2));
        }
        samples[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** Sorted copy; then {@link #percentile}. */
    long[] sorted() {
        long[] s = Arrays.copyOf(samples, size);
        Arrays.sort(s);
        return s;
    }

    /** Nearest-rank percentile (0 < p <= 100) in nanoseconds; 0 when there are no samples. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
