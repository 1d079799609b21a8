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
        return Authenticators.checkMessageAuthenticator(wire, secret, requestAuthenticator);
    }
}
