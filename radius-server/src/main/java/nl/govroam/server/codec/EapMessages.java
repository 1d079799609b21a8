package nl.govroam.server.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * EAP-Message attributes (RFC 3579 3.1): an EAP packet longer than 253 octets is split over consecutive
 * attributes, and joined again by the receiver.
 */
public final class EapMessages {
    private EapMessages() {
    }

    /**
     * Joins every EAP-Message attribute of a packet in order. Empty when there is none. The RADIUS packet is at most
     * 4096 octets, so the result is bounded too.
     */
    public static Optional<byte[]> join(RadiusPacket packet) {
        List<RadiusAttribute> parts = packet.all(AttributeType.EAP_MESSAGE);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(parts.size() * RadiusAttribute.MAX_VALUE_LENGTH);
        parts.forEach(p -> out.writeBytes(p.value()));
        return Optional.of(out.toByteArray());
    }

    /** Splits an EAP packet into EAP-Message attributes of at most 253 octets each. */
    public static List<RadiusAttribute> split(byte[] eap) {
        List<RadiusAttribute> out = new ArrayList<>(eap.length / RadiusAttribute.MAX_VALUE_LENGTH + 1);
        for (int pos = 0; pos < eap.length; pos += RadiusAttribute.MAX_VALUE_LENGTH) {
            int end = Math.min(eap.length, pos + RadiusAttribute.MAX_VALUE_LENGTH);
            out.add(new RadiusAttribute(AttributeType.EAP_MESSAGE, Arrays.copyOfRange(eap, pos, end)));
        }
        if (out.isEmpty()) {
            out.add(new RadiusAttribute(AttributeType.EAP_MESSAGE, new byte[0]));
        }
        return out;
    }
}
