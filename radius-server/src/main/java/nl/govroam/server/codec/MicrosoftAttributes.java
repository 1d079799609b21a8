package nl.govroam.server.codec;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Microsoft vendor-specific attributes (vendor 311, RFC 2548) that carry the EAP keys to the access point:
 * MS-MPPE-Send-Key and MS-MPPE-Recv-Key, encrypted with the client's shared secret and the Request Authenticator
 * (RFC 2548 2.4.2 and 2.4.3). The one implementation of that cipher: the EAP server encrypts the keys it derived;
 * a proxy decrypts a peer's keys and encrypts them again for the NAS ({@link #reencrypt}).
 */
public final class MicrosoftAttributes {
    /** Microsoft's SMI Private Enterprise Code. */
    public static final int VENDOR_ID = 311;
    /** RFC 2548 2.4.2. */
    public static final int MS_MPPE_SEND_KEY = 16;
    /** RFC 2548 2.4.3. */
    public static final int MS_MPPE_RECV_KEY = 17;

    private static final int SALT_LENGTH = 2;
    private static final int BLOCK = 16;

    private MicrosoftAttributes() {
    }

    /**
     * The two key attributes for an Access-Accept: Recv-Key is MSK[0..31], Send-Key is MSK[32..63] (RFC 5216 2.3,
     * as the access point sees them).
     *
     * @param msk                  the 64-octet Master Session Key
     * @param requestAuthenticator the Access-Request's authenticator
     * @param secret               the client's shared secret
     */
    public static List<RadiusAttribute> mppeKeys(byte[] msk, byte[] requestAuthenticator, byte[] secret) {
        if (msk.length < 64) {
            throw new IllegalArgumentException("MSK must be 64 octets");
        }
        byte[] recv = Arrays.copyOfRange(msk, 0, 32);
        byte[] send = Arrays.copyOfRange(msk, 32, 64);
        byte[] recvSalt = salt();
        byte[] sendSalt = salt();
        if (Arrays.equals(recvSalt, sendSalt)) {
            sendSalt[1] ^= 1;
        }
        try {
            return List.of(
                    vendorSpecific(MS_MPPE_RECV_KEY, encryptKey(recv, requestAuthenticator, secret, recvSalt)),
                    vendorSpecific(MS_MPPE_SEND_KEY, encryptKey(send, requestAuthenticator, secret, sendSalt)));
        } finally {
            Arrays.fill(recv, (byte) 0);
            Arrays.fill(send, (byte) 0);
        }
    }

    /**
     * RFC 2548 2.4.2: P = key length octet, key, zero padding to a multiple of 16; b(1) = MD5(S + R + A),
     * c(i) = p(i) xor b(i), b(i) = MD5(S + c(i-1)). Returns salt followed by the cipher text.
     */
    static byte[] encryptKey(byte[] key, byte[] requestAuthenticator, byte[] secret, byte[] salt) {
        int plainLength = 1 + key.length;
        int padded = (plainLength + BLOCK - 1) / BLOCK * BLOCK;
        byte[] plain = new byte[padded];
        plain[0] = (byte) key.length;
        System.arraycopy(key, 0, plain, 1, key.length);
        byte[] out = new byte[SALT_LENGTH + padded];
        System.arraycopy(salt, 0, out, 0, SALT_LENGTH);
        MessageDigest md5 = Authenticators.md5();
        byte[] previous = null;
        for (int i = 0; i < padded; i += BLOCK) {
            md5.update(secret);
            if (previous == null) {
                md5.update(requestAuthenticator);
                md5.update(salt);
            } else {
                md5.update(previous);
            }
            byte[] b = md5.digest();
            for (int j = 0; j < BLOCK; j++) {
                out[SALT_LENGTH + i + j] = (byte) (plain[i + j] ^ b[j]);
            }
            previous = Arrays.copyOfRange(out, SALT_LENGTH + i, SALT_LENGTH + i + BLOCK);
        }
        Arrays.fill(plain, (byte) 0);
        return out;
    }

    /** Reverses {@link #encryptKey} (tests, and a proxy re-encrypting between two secrets). */
    public static byte[] decryptKey(byte[] encrypted, byte[] requestAuthenticator, byte[] secret) {
        if (encrypted.length < SALT_LENGTH + BLOCK || (encrypted.length - SALT_LENGTH) % BLOCK != 0) {
            throw new IllegalArgumentException("not an encrypted MS-MPPE key");
        }
        MessageDigest md5 = Authenticators.md5();
        byte[] plain = new byte[encrypted.length - SALT_LENGTH];
        for (int i = 0; i < plain.length; i += BLOCK) {
            md5.update(secret);
            if (i == 0) {
                md5.update(requestAuthenticator);
                md5.update(encrypted, 0, SALT_LENGTH);
            } else {
                md5.update(encrypted, SALT_LENGTH + i - BLOCK, BLOCK);
            }
            byte[] b = md5.digest();
            for (int j = 0; j < BLOCK; j++) {
                plain[i + j] = (byte) (encrypted[SALT_LENGTH + i + j] ^ b[j]);
            }
        }
        int length = plain[0] & 0xFF;
        if (length > plain.length - 1) {
            Arrays.fill(plain, (byte) 0);
            throw new IllegalArgumentException("bad MS-MPPE key length");
        }
        try {
            return Arrays.copyOfRange(plain, 1, 1 + length);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** True for a Vendor-Specific attribute holding exactly one MS-MPPE-Send-Key or MS-MPPE-Recv-Key. */
    public static boolean isMppeKey(RadiusAttribute attribute) {
        return microsoftValue(attribute, MS_MPPE_SEND_KEY) != null || microsoftValue(attribute, MS_MPPE_RECV_KEY) != null;
    }

    /**
     * An MS-MPPE key from one hop encrypted again for the next: decrypted with the peer's secret and the authenticator
     * of the request we sent it, encrypted with the client's secret, its request's authenticator and a new salt.
     * Empty when it is not an MS-MPPE key or does not decrypt to a well-formed one.
     */
    public static Optional<RadiusAttribute> reencrypt(RadiusAttribute attribute, byte[] fromAuthenticator,
                                                      byte[] fromSecret, byte[] toAuthenticator, byte[] toSecret) {
        int vendorType = attribute.value().length > 4 ? attribute.value()[4] & 0xFF : -1;
        byte[] encrypted = isMppeKey(attribute) ? microsoftValue(attribute, vendorType) : null;
        if (encrypted == null) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = decryptKey(encrypted, fromAuthenticator, fromSecret);
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
        try {
            return Optional.of(vendorSpecific(vendorType, encryptKey(key, toAuthenticator, toSecret, salt())));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** A Vendor-Specific attribute (RFC 2865 5.26) with one Microsoft sub-attribute. */
    public static RadiusAttribute vendorSpecific(int vendorType, byte[] value) {
        byte[] vsa = new byte[6 + value.length];
        vsa[0] = (byte) (VENDOR_ID >>> 24);
        vsa[1] = (byte) (VENDOR_ID >>> 16);
        vsa[2] = (byte) (VENDOR_ID >>> 8);
        vsa[3] = (byte) VENDOR_ID;
        vsa[4] = (byte) vendorType;
        vsa[5] = (byte) (2 + value.length);
        System.arraycopy(value, 0, vsa, 6, value.length);
        return new RadiusAttribute(AttributeType.VENDOR_SPECIFIC, vsa);
    }

    /** The value of a Microsoft sub-attribute in a Vendor-Specific attribute, or null when it is another one. */
    public static byte[] microsoftValue(RadiusAttribute attribute, int vendorType) {
        byte[] v = attribute.value();
        if (attribute.type() != AttributeType.VENDOR_SPECIFIC || v.length < 6) {
            return null;
        }
        int vendor = ((v[0] & 0xFF) << 24) | ((v[1] & 0xFF) << 16) | ((v[2] & 0xFF) << 8) | (v[3] & 0xFF);
        if (vendor != VENDOR_ID || (v[4] & 0xFF) != vendorType || (v[5] & 0xFF) != v.length - 4) {
            return null;
        }
        return Arrays.copyOfRange(v, 6, v.length);
    }

    /** RFC 2548: the salt's most significant bit is set; each salt in one packet is unique. */
    private static byte[] salt() {
        byte[] salt = RandomOctets.of(SALT_LENGTH);
        salt[0] |= (byte) 0x80;
        return salt;
    }
}
