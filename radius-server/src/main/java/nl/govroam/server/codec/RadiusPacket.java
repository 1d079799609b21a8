package nl.govroam.server.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded RADIUS packet: code, identifier, authenticator and attributes in wire order. Immutable.
 *
 * @param code          the packet code
 * @param identifier    0..255
 * @param authenticator 16 octets
 * @param attributes    in wire order
 */
public record RadiusPacket(PacketCode code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes) {

    public static final int HEADER_LENGTH = 20;
    public static final int AUTHENTICATOR_LENGTH = 16;
    /** RFC 2865 3: the maximum length of a packet. */
    public static final int MAX_LENGTH = 4096;

    public RadiusPacket {
        if (authenticator.length != AUTHENTICATOR_LENGTH) {
            throw new IllegalArgumentException("authenticator must be 16 octets");
        }
        attributes = List.copyOf(attributes);
    }

    public Optional<RadiusAttribute> first(int type) {
        for (RadiusAttribute a : attributes) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public boolean has(int type) {
        return first(type).isPresent();
    }

    public Optional<String> string(int type) {
        return first(type).map(RadiusAttribute::valueAsString);
    }

    public List<RadiusAttribute> all(int type) {
        List<RadiusAttribute> out = new ArrayList<>();
        for (RadiusAttribute a : attributes) {
            if (a.type() == type) {
                out.add(a);
            }
        }
        return out;
    }

    /** The length this packet has on the wire. */
    public int wireLength() {
        int length = HEADER_LENGTH;
        for (RadiusAttribute a : attributes) {
            length += a.wireLength();
        }
        return length;
    }

    @Override
    public String toString() {
        return "RadiusPacket[" + code + ", id=" + identifier + ", attributes=" + attributes.size() + "]";
    }
}
