package nl.govroam.server.eap;

import java.util.Arrays;
import java.util.Optional;

/**
 * One EAP packet (RFC 3748 4): code, identifier and, for Request and Response, a type and its data. Immutable;
 * {@link #parse} never throws on bad input.
 *
 * @param code       the code
 * @param identifier 0..255
 * @param type       the method type for Request/Response; 0 for Success/Failure
 * @param data       the type data (after the type octet); empty for Success/Failure
 */
public record EapPacket(EapCode code, int identifier, int type, byte[] data) {
    /** Code, identifier, two length octets. */
    public static final int HEADER_LENGTH = 4;

    public EapPacket {
        data = data.clone();
    }

    /**
     * Reads a packet. Empty when it is too short, the Length field disagrees with the octets (RFC 3748 4.1: a
     * longer Length is an error; octets beyond it are padding and ignored), the code is unknown, or a Request or
     * Response has no type.
     */
    public static Optional<EapPacket> parse(byte[] wire) {
        if (wire.length < HEADER_LENGTH) {
            return Optional.empty();
        }
        EapCode code = EapCode.valueOf(wire[0] & 0xFF);
        int length = ((wire[2] & 0xFF) << 8) | (wire[3] & 0xFF);
        if (code == null || length < HEADER_LENGTH || length > wire.length) {
            return Optional.empty();
        }
        int identifier = wire[1] & 0xFF;
        if (code == EapCode.SUCCESS || code == EapCode.FAILURE) {
            return length == HEADER_LENGTH ? Optional.of(new EapPacket(code, identifier, 0, new byte[0])) : Optional.empty();
        }
        if (length < HEADER_LENGTH + 1) {
            return Optional.empty();
        }
        return Optional.of(new EapPacket(code, identifier, wire[4] & 0xFF, Arrays.copyOfRange(wire, 5, length)));
    }

    public static EapPacket request(int identifier, int type, byte[] data) {
        return new EapPacket(EapCode.REQUEST, identifier, type, data);
    }

    public static EapPacket success(int identifier) {
        return new EapPacket(EapCode.SUCCESS, identifier, 0, new byte[0]);
    }

    public static EapPacket failure(int identifier) {
        return new EapPacket(EapCode.FAILURE, identifier, 0, new byte[0]);
    }

    /** The type data; a copy. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The wire octets. */
    public byte[] encode() {
        boolean typed = code == EapCode.REQUEST || code == EapCode.RESPONSE;
        int length = HEADER_LENGTH + (typed ? 1 + data.length : 0);
        byte[] out = new byte[length];
        out[0] = (byte) code.value();
        out[1] = (byte) identifier;
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        if (typed) {
            out[4] = (byte) type;
            System.arraycopy(data, 0, out, 5, data.length);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EapPacket p && p.code == code && p.identifier == identifier && p.type == type
                && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + identifier;
    }

    /** No data: it may hold an identity or key material. */
    @Override
    public String toString() {
        return "EapPacket[" + code + ", id=" + identifier + ", type=" + type + ", length=" + data.length + "]";
    }
}
