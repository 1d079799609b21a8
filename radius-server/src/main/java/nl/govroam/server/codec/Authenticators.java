package nl.govroam.server.codec;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
        byte[] received = java.util.Arrays.copyOfRange(copy, offset, offset + 16);
        java.util.Arrays.fill(copy, offset, offset + 16, (byte) 0);
        if ((copy[0] & 0xFF) == PacketCode.ACCOUNTING_REQUEST.value()) {
            System.arraycopy(ZERO_AUTHENTICATOR, 0, copy, 4, 16);
        }
        byte[] expected = hmacMd5(secret, copy);
        return MessageDigest.isEqual(received, expected) ? MessageAuthenticatorCheck.VALID : MessageAuthenticatorCheck.INVALID;
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
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is part of every JDK", e);
        }
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
