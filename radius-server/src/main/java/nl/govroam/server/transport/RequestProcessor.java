package nl.govroam.server.transport;

/**
 * Decides a request. Runs off the event loop (on a virtual thread), so it may block on a directory; it must
 * return within its own timeouts and never throw for bad input.
 */
@FunctionalInterface
public interface RequestProcessor {
    Decision process(InboundRequest request);
}
