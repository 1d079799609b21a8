package nl.govroam.server.eap.tls;

import java.util.Arrays;
import java.util.Optional;

/**
 * The type data of an EAP-TLS, EAP-TTLS or PEAP packet (RFC 5216 3.1, RFC 5281 9.1): a flags octet with L (length
 * included), M (more fragments), S (start) and the method's version bits, an optional four-octet TLS Message Length,
 * then TLS data.
 *
 * @param flags    the flags octet
 * @param length   the TLS Message Length when L is set, else -1
 * @param data     the TLS data of this fragment
 */
public record TlsFrame(int flags, long length, byte[] data) {
    public static final int LENGTH_INCLUDED = 0x80;
    public static final int MORE_FRAGMENTS = 0x40;
    public static final int START = 0x20;
    /** The low three bits: the TTLS/PEAP version. */
    public static final int VERSION_MASK = 0x07;

    public TlsFrame {
        data = data.clone();
    }

    /** Reads type data; empty when it has no flags octet or L is set without four length octets. */
    public static Optional<TlsFrame> parse(byte[] typeData) {
        if (typeData.length < 1) {
            return Optional.empty();
        }
        int flags = typeData[0] & 0xFF;
        if ((flags & LENGTH_INCLUDED) != 0) {
            if (typeData.length < 5) {
                return Optional.empty();
            }
            long length = ((long) (typeData[1] & 0xFF) << 24) | ((typeData[2] & 0xFF) << 16)
                    | ((typeData[3] & 0xFF) << 8) | (typeData[4] & 0xFF);
            return Optional.of(new TlsFrame(flags, length, Arrays.copyOfRange(typeData, 5, typeData.length)));
        }
        return Optional.of(new TlsFrame(flags, -1, Arrays.copyOfRange(typeData, 1, typeData.length)));
    }

    public boolean more() {
        return (flags & MORE_FRAGMENTS) != 0;
    }

    public boolean lengthIncluded() {
        return (flags & LENGTH_INCLUDED) != 0;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    int dataLength() {
        return data.length;
    }

    byte[] dataUnsafe() {
        return data;
    }

    /** Type data with these flags, the length when {@code length >= 0}, and {@code data}. */
    public static byte[] encode(int flags, long length, byte[] data, int offset, int count) {
        boolean withLength = length >= 0;
        byte[] out = new byte[1 + (withLength ? 4 : 0) + count];
        out[0] = (byte) (flags | (withLength ? LENGTH_INCLUDED : 0));
        int pos = 1;
        if (withLength) {
            out[1] = (byte) (length >>> 24);
            out[2] = (byte) (length >>> 16);
            out[3] = (byte) (length >>> 8);
            out[4] = (byte) length;
            pos = 5;
        }
        System.arraycopy(data, offset, out, pos, count);
        return out;
    }
}
