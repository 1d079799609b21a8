package nl.govroam.server.codec;

import java.util.List;

/**
 * Writes packets to wire octets. Replies to Access-Request and Status-Server carry Message-Authenticator as their
 * first attribute (BlastRADIUS mitigation, draft-ietf-radext-deprecating-radius); the Response Authenticator is
 * computed last, over the final octets.
 */
public final class PacketEncoder {

    private PacketEncoder() {
    }

    /**
     * Encodes a reply.
     *
     * @param code                   the reply's code
     * @param identifier             the request's identifier
     * @param requestAuthenticator   the request's authenticator
     * @param attributes             the reply's attributes, without Message-Authenticator
     * @param secret                 the client's shared secret
     * @param messageAuthenticator   put a Message-Authenticator first
     */
    public static byte[] encodeResponse(PacketCode code, int identifier, byte[] requestAuthenticator,
                                        List<RadiusAttribute> attributes, byte[] secret, boolean messageAuthenticator) {
        byte[] wire = layout(code, identifier, requestAuthenticator, attributes, messageAuthenticator);
        if (messageAuthenticator) {
            byte[] mac = Authenticators.hmacMd5(secret, wire);
            System.arraycopy(mac, 0, wire, RadiusPacket.HEADER_LENGTH + 2, 16);
        }
        byte[] responseAuth = Authenticators.responseAuthenticator(wire, secret);
        System.arraycopy(responseAuth, 0, wire, 4, 16);
        return wire;
    }

    /**
     * Encodes a request as a client sends it: Access-Request and Status-Server get a random Request Authenticator
     * (the caller hides User-Password with the same one, see {@link #randomAuthenticator}) and, when asked, a
     * Message-Authenticator first; Accounting-Request gets its MD5 Request Authenticator (RFC 2866 3).
     */
    public static byte[] encodeRequest(PacketCode code, int identifier, byte[] authenticator,
                                       List<RadiusAttribute> attributes, byte[] secret, boolean messageAuthenticator) {
        boolean accounting = code == PacketCode.ACCOUNTING_REQUEST;
        byte[] wire = layout(code, identifier, accounting ? new byte[16] : authenticator, attributes, messageAuthenticator);
        if (messageAuthenticator) {
            byte[] mac = Authenticators.hmacMd5(secret, wire);
            System.arraycopy(mac, 0, wire, RadiusPacket.HEADER_LENGTH + 2, 16);
        }
        if (accounting) {
            System.arraycopy(Authenticators.responseAuthenticator(wire, secret), 0, wire, 4, 16);
        }
        return wire;
    }

    public static byte[] randomAuthenticator() {
        return RandomOctets.of(RadiusPacket.AUTHENTICATOR_LENGTH);
    }

    private static byte[] layout(PacketCode code, int identifier, byte[] authenticator, List<RadiusAttribute> attributes,
                                 boolean messageAuthenticator) {
        int length = RadiusPacket.HEADER_LENGTH + (messageAuthenticator ? 18 : 0);
        for (RadiusAttribute a : attributes) {
            if (a.type() == AttributeType.MESSAGE_AUTHENTICATOR) {
                throw new IllegalArgumentException("Message-Authenticator is added by the encoder");
            }
            length += a.wireLength();
        }
        if (length > RadiusPacket.MAX_LENGTH) {
            throw new IllegalArgumentException("packet of " + length + " octets exceeds 4096");
        }
        byte[] wire = new byte[length];
        wire[0] = (byte) code.value();
        wire[1] = (byte) identifier;
        wire[2] = (byte) (length >>> 8);
        wire[3] = (byte) length;
        System.arraycopy(authenticator, 0, wire, 4, 16);
        int pos = RadiusPacket.HEADER_LENGTH;
        if (messageAuthenticator) {
            wire[pos] = (byte) AttributeType.MESSAGE_AUTHENTICATOR;
            wire[pos + 1] = 18;
            pos += 18;
        }
        for (RadiusAttribute a : attributes) {
            wire[pos] = (byte) a.type();
            wire[pos + 1] = (byte) a.wireLength();
            System.arraycopy(a.value(), 0, wire, pos + 2, a.value().length);
            pos += a.wireLength();
        }
        return wire;
    }
}
