package nl.govroam.server.codec;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * MS-MPPE-Send-Key and MS-MPPE-Recv-Key (RFC 2548 2.4.2, 2.4.3): salt-encrypted with the shared secret and the
 * Request Authenticator. A proxy decrypts them with the peer's secret and our request's authenticator, and encrypts
 * them again for the NAS with its secret and its request's authenticator.
 */
public final class MppeKeyCipher {
    /** Microsoft's vendor id (RFC 2548 2). */
    public static final int VENDOR_MICROSOFT = 311;
    public static final int MS_MPPE_SEND_KEY = 16;
    public static final int MS_MPPE_RECV_KEY = 17;
    private static final SecureRandom RANDOM = new SecureRandom();

    private MppeKeyCipher() {
    }

    /** True for a Vendor-Specific attribute holding exactly one MS-MPPE-Send-Key or -Recv-Key. */
    public static boolean isMppeKey(RadiusAttribute attribute) {
        byte[] v = attribute.value();
        if (attribute.type() != AttributeType.VENDOR_SPECIFIC || v.length < 6 + 2 + 16) {
            return false;
        }
        int vendor = ((v[0] & 0xFF) << 24) | ((v[1] & 0xFF) << 16) | ((v[2] & 0xFF) << 8) | (v[3] & 0xFF);
        int subType = v[4] & 0xFF;
        return vendor == VENDOR_MICROSOFT && (subType == MS_MPPE_SEND_KEY || subType == MS_MPPE_RECV_KEY)
                && (v[5] & 0xFF) == v.length - 4;
    }

    /**
     * Re-encrypts an MS-MPPE key from one hop to the next. Empty when the value does not decrypt to a well-formed key.
     */
    public static Optional<RadiusAttribute> reencrypt(RadiusAttribute attribute, byte[] fromAuthenticator,
                                                      byte[] fromSecret, byte[] toAuthenticator, byte[] toSecret) {
        if (!isMppeKey(attribute)) {
            return Optional.empty();
        }
        byte[] v = attribute.value();
        byte[] salt = Arrays.copyOfRange(v, 6, 8);
        byte[] cipher = Arrays.copyOfRange(v, 8, v.length);
        if (cipher.length % 16 != 0) {
            return Optional.empty();
        }
        byte[] plain = xorChain(cipher, fromSecret, fromAuthenticator, salt, false);
        try {
            int keyLength = plain[0] & 0xFF;
            if (keyLength + 1 > plain.length) {
                return Optional.empty();
            }
            byte[] newSalt = new byte[2];
            RANDOM.nextBytes(newSalt);
            newSalt[0] |= (byte) 0x80;
            byte[] again = xorChain(plain, toSecret, toAuthenticator, newSalt, true);
            byte[] out = new byte[8 + again.length];
            System.arraycopy(v, 0, out, 0, 5);
            out[5] = (byte) (out.length - 4);
            out[6] = newSalt[0];
            out[7] = newSalt[1];
            System.arraycopy(again, 0, out, 8, again.length);
            return Optional.of(new RadiusAttribute(AttributeType.VENDOR_SPECIFIC, out));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** b(1) = MD5(S + R + A), b(i) = MD5(S + c(i-1)); c(i) = p(i) xor b(i). */
    private static byte[] xorChain(byte[] input, byte[] secret, byte[] authenticator, byte[] salt, boolean encrypt) {
        byte[] out = new byte[input.length];
        byte[] previous = null;
        for (int block = 0; block < input.length; block += 16) {
            MessageDigest md5 = Authenticators.md5();
            md5.update(secret);
            if (previous == null) {
                md5.update(authenticator);
                md5.update(salt);
            } else {
                md5.update(previous);
            }
            byte[] b = md5.digest();
            for (int i = 0; i < 16; i++) {
                out[block + i] = (byte) (input[block + i] ^ b[i]);
            }
            previous = Arrays.copyOfRange(encrypt ? out : input, block, block + 16);
        }
        return out;
    }
}
