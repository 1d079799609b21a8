package nl.govroam.server.codec;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The RADIUS authenticator formulas written out again from the RFC text, independent of {@link Authenticators}, so
 * tests compare two implementations rather than the code with itself.
 */
final class ReferenceCrypto {
    private ReferenceCrypto() {
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Offset of the first attribute of {@code type}'s value, or -1. Walks the attributes by their length octets. */
    static int valueOffset(byte[] wire, int type) {
        int pos = 20;
        while (pos + 2 <= wire.length) {
            if ((wire[pos] & 0xFF) == type) {
                return pos + 2;
            }
            pos += wire[pos + 1] & 0xFF;
        }
        return -1;
    }

    /**
     * RFC 2869 5.14 / RFC 3579 3.2: HMAC-MD5 over the packet with the Message-Authenticator value as 16 zeros and, in
     * the Authenticator field, {@code authenticatorField} (the request's own for Access-Request and Status-Server, the
     * Request Authenticator for a reply, zeros for Accounting-Request).
     */
    static byte[] messageAuthenticator(byte[] wire, byte[] authenticatorField, byte[] secret) {
        byte[] copy = wire.clone();
        System.arraycopy(authenticatorField, 0, copy, 4, 16);
        int offset = valueOffset(copy, AttributeType.MESSAGE_AUTHENTICATOR);
        Arrays.fill(copy, offset, offset + 16, (byte) 0);
        return hmacMd5(secret, copy);
    }

    /** RFC 2865 3: MD5(Code + Identifier + Length + Request Authenticator + Attributes + Secret). */
    static byte[] responseAuthenticator(byte[] reply, byte[] requestAuthenticator, byte[] secret) {
        return md5(Arrays.copyOfRange(reply, 0, 4), requestAuthenticator,
                Arrays.copyOfRange(reply, 20, reply.length), secret);
    }

    /** RFC 2866 3: MD5(Code + Identifier + Length + 16 zero octets + Attributes + Secret). */
    static byte[] accountingRequestAuthenticator(byte[] request, byte[] secret) {
        return responseAuthenticator(request, new byte[16], secret);
    }

    /** RFC 2865 5.2: c(i) = p(i) xor MD5(S + c(i-1)), c(0) = Request Authenticator; p padded with NULs to 16n. */
    static byte[] hidePassword(byte[] password, byte[] requestAuthenticator, byte[] secret) {
        int padded = Math.max(16, (password.length + 15) / 16 * 16);
        byte[] p = Arrays.copyOf(password, padded);
        byte[] out = new byte[padded];
        byte[] previous = requestAuthenticator;
        for (int i = 0; i < padded; i += 16) {
            byte[] b = md5(secret, previous);
            for (int j = 0; j < 16; j++) {
                out[i + j] = (byte) (p[i + j] ^ b[j]);
            }
            previous = Arrays.copyOfRange(out, i, i + 16);
        }
        return out;
    }

    static byte[] authenticator(byte[] wire) {
        return Arrays.copyOfRange(wire, 4, 20);
    }
}
