package nl.govroam.server.codec;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Checks a reply we received as a client (from a federation peer): its Response Authenticator (RFC 2865 3) and its
 * Message-Authenticator (RFC 3579 3.2, computed with the Request Authenticator in the authenticator field).
 */
public final class ResponseChecks {
    private ResponseChecks() {
    }

    /** RFC 2865 3: MD5(Code + ID + Length + RequestAuth + Attributes + Secret) equals the reply's authenticator. */
    public static boolean responseAuthenticatorValid(byte[] wire, byte[] requestAuthenticator, byte[] secret) {
        if (wire.length < RadiusPacket.HEADER_LENGTH) {
            return false;
        }
        byte[] copy = wire.clone();
        System.arraycopy(requestAuthenticator, 0, copy, 4, 16);
        return MessageDigest.isEqual(Authenticators.responseAuthenticator(copy, secret),
                Arrays.copyOfRange(wire, 4, RadiusPacket.HEADER_LENGTH));
    }

    /** The reply's Message-Authenticator: absent, valid or invalid (also invalid when it appears twice). */
    public static MessageAuthenticatorCheck messageAuthenticator(byte[] wire, byte[] requestAuthenticator, byte[] secret) {
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
        byte[] copy = wire.clone();
        byte[] received = Arrays.copyOfRange(copy, offset, offset + 16);
        Arrays.fill(copy, offset, offset + 16, (byte) 0);
        System.arraycopy(requestAuthenticator, 0, copy, 4, 16);
        return MessageDigest.isEqual(received, Authenticators.hmacMd5(secret, copy))
                ? MessageAuthenticatorCheck.VALID : MessageAuthenticatorCheck.INVALID;
    }
}
