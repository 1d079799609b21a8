package nl.govroam.server.audit;

import java.util.function.Supplier;
import nl.govroam.server.config.ClientConfig;
import nl.govroam.server.config.FticksConfig;
import nl.govroam.server.config.GovroamConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes F-ticks lines on the {@code govroam.fticks} logger; {@code config/logback.xml} sends that logger to syslog
 * (relayed to the federation's collector) and to a file. Settings come from the current config, so a reload
 * changes them.
 */
public final class FticksLog implements AuthEventListener {
    static final String LOGGER = "govroam.fticks";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final Supplier<GovroamConfig> config;

    public FticksLog(Supplier<GovroamConfig> config) {
        this.config = config;
    }

    @Override
    public void onDecision(AuthEvent event) {
        GovroamConfig current = config.get();
        FticksConfig fticks = current.operations().fticks();
        if (!fticks.enabled() || !LOG.isInfoEnabled()) {
            return;
        }
        String operator = current.clients().stream().filter(c -> c.name().equals(event.client()))
                .map(ClientConfig::operator).findFirst().orElse(null);
        FticksLine.of(event, fticks, operator).ifPresent(LOG::info);
    }
}
