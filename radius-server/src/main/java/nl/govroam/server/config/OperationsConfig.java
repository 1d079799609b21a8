package nl.govroam.server.config;

/**
 * What the operators get besides the answers: F-ticks and the metrics endpoint. Log destinations, levels and
 * retention live in {@code config/logback.xml}.
 *
 * @param fticks  the F-ticks lines
 * @param metrics the Prometheus endpoint
 */
public record OperationsConfig(FticksConfig fticks, MetricsConfig metrics) {

    public static OperationsConfig defaults() {
        return new OperationsConfig(FticksConfig.DISABLED,
                new MetricsConfig(false, ValueChecks.ipLiteral("127.0.0.1").orElseThrow(), MetricsConfig.DEFAULT_PORT));
    }
}
