package nl.govroam.server.audit;

/** Receives every final authentication decision (auth log, F-ticks, audit records, metrics). Must not block long. */
@FunctionalInterface
public interface AuthEventListener {
    void onDecision(AuthEvent event);
}
