package nl.govroam.server.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a datagram into a {@link RadiusPacket}, strictly: anything that does not follow RFC 2865 section 3 and 5
 * comes back as {@link DecodeResult.Malformed}, never as an exception.
 */
public final class PacketDecoder {
    private static final DecodeResult.Malformed TOO_SHORT = new DecodeResult.Malformed(MalformedReason.TOO_SHORT);
    private static final DecodeResult.Malformed TOO_LONG = new DecodeResult.Malformed(MalformedReason.TOO_LONG);
    private static final DecodeResult.Malformed BAD_LENGTH = new DecodeResult.Malformed(MalformedReason.BAD_LENGTH);
    private static final DecodeResult.Malformed UNKNOWN_CODE = new DecodeResult.Malformed(MalformedReason.UNKNOWN_CODE);
    private static final DecodeResult.Malformed BAD_ATTRIBUTE = new DecodeResult.Malformed(MalformedReason.BAD_ATTRIBUTE);

    private PacketDecoder() {
    }

    /**
     * Decodes one datagram. Octets past the Length field are padding and ignored (RFC 2865 3); a datagram shorter
     * than its Length field, or longer than 4096 octets, is malformed.
     */
    public static DecodeResult decode(byte[] datagram) {
        if (datagram.length < RadiusPacket.HEADER_LENGTH) {
            return TOO_SHORT;
        }
        if (datagram.length > RadiusPacket.MAX_LENGTH) {
            return TOO_LONG;
        }
        int length = ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
        if (length < RadiusPacket.HEADER_LENGTH || length > RadiusPacket.MAX_LENGTH || length > datagram.length) {
            return BAD_LENGTH;
        }
        PacketCode code = PacketCode.valueOf(datagram[0] & 0xFF);
        if (code == null) {
            return UNKNOWN_CODE;
        }
        List<RadiusAttribute> attributes = new ArrayList<>();
        int pos = RadiusPacket.HEADER_LENGTH;
        while (pos < length) {
            if (pos + 2 > length) {
                return BAD_ATTRIBUTE;
            }
            int type = datagram[pos] & 0xFF;
            int attrLength = datagram[pos + 1] & 0xFF;
            if (type == 0 || attrLength < 2 || pos + attrLength > length) {
                return BAD_ATTRIBUTE;
            }
            attributes.add(new RadiusAttribute(type, Arrays.copyOfRange(datagram, pos + 2, pos + attrLength)));
            pos += attrLength;
        }
        byte[] wire = length == datagram.length ? datagram : Arrays.copyOf(datagram, length);
        RadiusPacket packet = new RadiusPacket(code, datagram[1] & 0xFF,
                Arrays.copyOfRange(datagram, 4, RadiusPacket.HEADER_LENGTH), attributes);
        return new DecodeResult.Decoded(packet, wire);
    }
}
