package nl.govroam.server.transport;

/** Names of the handlers in a listener's pipeline, in order. */
final class HandlerNames {
    static final String FLUSH_CONSOLIDATION = "flush-consolidation";
    static final String CLIENT_LOOKUP = "client-lookup";
    static final String PACKET_DECODER = "packet-decoder";
    static final String AUTHENTICITY = "authenticity";
    static final String STATUS_SERVER = "status-server";
    static final String DUPLICATES = "duplicates";
    static final String DISPATCHER = "dispatcher";

    private HandlerNames() {
    }
}
