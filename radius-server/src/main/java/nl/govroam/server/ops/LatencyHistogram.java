package nl.govroam.server.ops;

import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram of durations in seconds with fixed buckets, from 5 ms to 10 s. Thread-safe. */
final class LatencyHistogram {
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void observe(double seconds) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                buckets[i].increment();
                break;
            }
        }
        count.increment();
        sum.add(seconds);
    }

    /** Writes the {@code _bucket} (cumulative), {@code _sum} and {@code _count} lines. */
    void write(PrometheusText out, String name, String[] labelNames, String[] labelValues) {
        String[] names = append(labelNames, "le");
        long cumulative = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            cumulative += buckets[i].sum();
            out.sample(name + "_bucket", names, append(labelValues, PrometheusText.number(BOUNDS[i])), cumulative);
        }
        long total = count.sum();
        out.sample(name + "_bucket", names, append(labelValues, "+Inf"), total);
        out.sample(name + "_sum", labelNames, labelValues, sum.sum());
        out.sample(name + "_count", labelNames, labelValues, total);
    }

    private static String[] append(String[] values, String last) {
        String[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }
}
