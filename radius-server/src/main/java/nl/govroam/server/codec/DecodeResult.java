package nl.govroam.server.codec;

/** A datagram decoded into a packet, or the reason it could not be. */
public sealed interface DecodeResult {

    /**
     * @param packet the packet
     * @param wire   the packet's octets (the datagram cut at the Length field), kept for authenticator checks
     */
    record Decoded(RadiusPacket packet, byte[] wire) implements DecodeResult {
    }

    record Malformed(MalformedReason reason) implements DecodeResult {
    }
}
