package nl.govroam.server.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each decision to every listener in order (auth log, audit record, F-ticks, metrics). One failing listener
 * never stops the others or the reply; its failure is logged without the event's contents.
 */
public final class AuthEventListeners implements AuthEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(AuthEventListeners.class);

    private final List<AuthEventListener> listeners;

    public AuthEventListeners(List<AuthEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void onDecision(AuthEvent event) {
        for (AuthEventListener listener : listeners) {
            try {
                listener.onDecision(event);
            } catch (RuntimeException e) {
                LOG.error("{} failed on a decision for client {}: {}", listener.getClass().getSimpleName(),
                        event.client(), e.toString());
            }
        }
    }
}
