package nl.govroam.server.proxy;

/** The peer did not answer within its response window (identical retransmits included), or could not be reached. */
final class PeerTimeoutException extends Exception {
    PeerTimeoutException(String message) {
        super(message, null, false, false);
    }
}
