package nl.govroam.server.codec;

import java.security.MessageDigest;

/**
 * Request and Response Authenticators (RFC 2865 3, RFC 2866 3) and Message-Authenticator (RFC 3579 3.2),
 * computed over the wire octets.
 */
public final class Authenticators {
    private static final byte[] ZERO_AUTHENTICATOR = new byte[RadiusPacket.AUTHENTICATOR_LENGTH];

    private Authenticators() {
    }

    /**
     * Checks a request's Message-Authenticator. For Access-Request and Status-Server it is computed over the packet
     * as sent; for Accounting-Request with the Request Authenticator taken as zeros (RFC 5997 3, RFC 3579 3.2).
     */
    public static MessageAuthenticatorCheck checkRequest(byte[] wire, byte[] secret) {
        boolean accounting = wire.length > 0 && (wire[0] & 0xFF) == PacketCode.ACCOUNTING_REQUEST.value();
        return checkMessageAuthenticator(wire, secret, accounting ? ZERO_AUTHENTICATOR : null);
    }

    /**
     * Checks a Message-Authenticator: HMAC-MD5 over the packet with the Message-Authenticator's value as zeros and
     * octets 4-19 replaced by {@code authenticator} (null: as they are on the wire). One Message-Authenticator of 16
     * octets, or it is invalid.
     */
    static MessageAuthenticatorCheck checkMessageAuthenticator(byte[] wire, byte[] secret, byte[] authenticator) {
        int offset = -1;
        int pos = RadiusPacket.HEADER_LENGTH;
        while (pos + 1 < wire.length) {
            int type = wire[pos] & 0xFF;
            int len = wire[pos + 1] & 0xFF;
            if (type == AttributeType.MESSAGE_AUTHENTICATOR) {
                if (offset >= 0 || len != 18) {
                    return MessageAuthenticatorCheck.INVALID;
                }
                offset = pos + 2;
            }
            pos += Math.max(len, 2);
        }
        if (offset < 0) {
            return MessageAuthenticatorCheck.ABSENT;
        }
        if (offset + 16 > wire.length) {
            return MessageAuthenticatorCheck.INVALID;
        }
        HmacMd5 mac = HmacMd5.keyed(secret);
        mac.update(wire, 0, 4);
        if (authenticator == null) {
            mac.update(wire, 4, 16);
        } else {
            mac.update(authenticator, 0, 16);
        }
        // offset is past the header: the attributes before the Message-Authenticator, its value as zeros, the rest
        mac.update(wire, RadiusPacket.HEADER_LENGTH, offset - RadiusPacket.HEADER_LENGTH);
        mac.update(ZERO_AUTHENTICATOR);
        mac.update(wire, offset + 16, wire.length - offset - 16);
        byte[] expected = mac.doFinal();
        return MessageDigest.isEqual(java.util.Arrays.copyOfRange(wire, offset, offset + 16), expected)
                ? MessageAuthenticatorCheck.VALID : MessageAuthenticatorCheck.INVALID;
    }

    /** RFC 2866 3: Request Authenticator = MD5(Code + Identifier + Length + 16 zero octets + Attributes + Secret). */
    public static boolean accountingRequestValid(byte[] wire, byte[] secret) {
        MessageDigest md5 = md5();
        md5.update(wire, 0, 4);
        md5.update(ZERO_AUTHENTICATOR);
        md5.update(wire, RadiusPacket.HEADER_LENGTH, wire.length - RadiusPacket.HEADER_LENGTH);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), java.util.Arrays.copyOfRange(wire, 4, 20));
    }

    /**
     * RFC 2865 3: Response Authenticator = MD5(Code + ID + Length + RequestAuth + Attributes + Secret). Also the
     * Accounting-Request authenticator when {@code requestAuthenticator} is all zeros.
     */
    static byte[] responseAuthenticator(byte[] wireWithRequestAuth, byte[] secret) {
        MessageDigest md5 = md5();
        md5.update(wireWithRequestAuth);
        md5.update(secret);
        return md5.digest();
    }

    static byte[] hmacMd5(byte[] key, byte[] data) {
        return HmacMd5.keyed(key).doFinal(data);
    }

    static MessageDigest md5() {
        return Md5Instances.md5();
    }
}
