package nl.govroam.server.eap.tls;

/**
 * Outgoing TLS data cut into EAP requests of at most {@code fragmentSize} TLS octets (RFC 5216 2.1.5): the first
 * fragment of a split message carries L and the total length, every fragment but the last carries M.
 */
final class Fragments {
    private final byte[] message;
    private final int fragmentSize;
    private final int versionFlags;
    private int sent;

    Fragments(byte[] message, int fragmentSize, int versionFlags) {
        this.message = message;
        this.fragmentSize = fragmentSize;
        this.versionFlags = versionFlags;
    }

    boolean hasMore() {
        return sent < message.length;
    }

    /** The type data of the next request. An empty message gives one request with no data. */
    byte[] next() {
        int count = Math.min(fragmentSize, message.length - sent);
        boolean split = message.length > fragmentSize;
        int flags = versionFlags;
        if (sent + count < message.length) {
            flags |= TlsFrame.MORE_FRAGMENTS;
        }
        long length = split && sent == 0 ? message.length : -1;
        byte[] out = TlsFrame.encode(flags, length, message, sent, count);
        sent += count;
        if (message.length == 0) {
            sent = 1;
        }
        return out;
    }
}
