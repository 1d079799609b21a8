package nl.govroam.server.proxy.radsec;

import java.util.Arrays;

/**
 * Duplicate detection on one RadSec connection (RFC 5080 2.2.2, federation-rules.md 9): a connection is one client
 * port, so the key is the Identifier alone. The same Identifier with the same Request Authenticator is a duplicate:
 * discarded while in progress, answered with the cached reply within the window after its answer. A new authenticator
 * is a new request and replaces the entry. Used only on the connection's event loop.
 */
final class ConnectionDuplicates {
    /** What a new arrival is. */
    enum Arrival { NEW, IN_PROGRESS, ANSWERED }

    private static final class Entry {
        final byte[] authenticator;
        byte[] reply;
        long answeredNanos;

        Entry(byte[] authenticator) {
            this.authenticator = authenticator;
        }
    }

    private final Entry[] entries = new Entry[256];
    private final long windowNanos;

    ConnectionDuplicates(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    Arrival arrive(int identifier, byte[] authenticator, long now) {
        Entry e = entries[identifier];
        if (e != null && Arrays.equals(e.authenticator, authenticator)) {
            if (e.reply == null) {
                return Arrival.IN_PROGRESS;
            }
            if (now - e.answeredNanos < windowNanos) {
                return Arrival.ANSWERED;
            }
        }
        entries[identifier] = new Entry(authenticator);
        return Arrival.NEW;
    }

    /** The cached reply of an {@link Arrival#ANSWERED} request. */
    byte[] reply(int identifier) {
        return entries[identifier].reply;
    }

    /** Records the reply sent, unless a newer request has taken the Identifier meanwhile. */
    void answered(int identifier, byte[] authenticator, byte[] reply, long now) {
        Entry e = entries[identifier];
        if (e != null && Arrays.equals(e.authenticator, authenticator)) {
            e.reply = reply;
            e.answeredNanos = now;
        }
    }

    /** Forgets a request that got no reply, so a retransmission is worked on again. */
    void forget(int identifier, byte[] authenticator) {
        Entry e = entries[identifier];
        if (e != null && e.reply == null && Arrays.equals(e.authenticator, authenticator)) {
            entries[identifier] = null;
        }
    }
}
