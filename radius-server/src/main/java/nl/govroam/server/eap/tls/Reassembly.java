package nl.govroam.server.eap.tls;

import java.io.ByteArrayOutputStream;

/**
 * Joins incoming TLS fragments (RFC 5216 2.1.5) up to a cap: a declared TLS Message Length or accumulated data
 * beyond it ends the conversation, as do empty middle fragments and a total that disagrees with the declared one.
 */
final class Reassembly {
    private final int maxMessageSize;
    private ByteArrayOutputStream buffer;
    private long declared = -1;

    Reassembly(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /** The outcome of adding one fragment. */
    sealed interface Result {
    }

    /** More fragments follow: acknowledge this one. */
    record NeedMore() implements Result {
    }

    /** The whole message. */
    record Complete(byte[] message) implements Result {
    }

    /** Refused: the reason is logged. */
    record Refused(String reason) implements Result {
    }

    boolean inProgress() {
        return buffer != null;
    }

    Result add(TlsFrame frame) {
        if (frame.lengthIncluded()) {
            if (frame.length() > maxMessageSize) {
                return refuse("TLS message length " + frame.length() + " exceeds the limit of " + maxMessageSize);
            }
            if (buffer == null) {
                declared = frame.length();
            }
        }
        if (frame.more() && frame.dataLength() == 0) {
            return refuse("empty fragment with the more-fragments flag");
        }
        if (buffer == null) {
            if (!frame.more()) {
                return new Complete(frame.data());
            }
            buffer = new ByteArrayOutputStream(Math.min(maxMessageSize, declared > 0 ? (int) declared : 4096));
        }
        if ((long) buffer.size() + frame.dataLength() > maxMessageSize) {
            return refuse("reassembled TLS message exceeds the limit of " + maxMessageSize);
        }
        buffer.write(frame.dataUnsafe(), 0, frame.dataLength());
        if (declared >= 0 && buffer.size() > declared) {
            return refuse("fragments exceed the declared TLS message length " + declared);
        }
        if (frame.more()) {
            return new NeedMore();
        }
        byte[] message = buffer.toByteArray();
        boolean mismatch = declared >= 0 && message.length != declared;
        buffer = null;
        long expected = declared;
        declared = -1;
        return mismatch ? refuse("got " + message.length + " octets, the TLS message length said " + expected)
                : new Complete(message);
    }

    private Result refuse(String reason) {
        buffer = null;
        declared = -1;
        return new Refused(reason);
    }
}
