package nl.govroam.server.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.security.MessageDigest;

/** User-Password hiding (RFC 2865 5.2). */
public final class UserPasswordCipher {
    private UserPasswordCipher() {
    }

    /**
     * Reveals a User-Password value. Empty when the value is not a valid hidden password (length not a multiple of
     * 16, or over 128 octets). Trailing NUL padding is removed. The caller clears the returned array after use.
     */
    public static Optional<char[]> reveal(byte[] hidden, byte[] requestAuthenticator, byte[] secret) {
        if (hidden.length < 16 || hidden.length > 128 || hidden.length % 16 != 0) {
            return Optional.empty();
        }
        byte[] plain = xorChain(hidden, requestAuthenticator, secret, false);
        int end = plain.length;
        while (end > 0 && plain[end - 1] == 0) {
            end--;
        }
        java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(plain, 0, end));
        char[] exact = new char[chars.remaining()];
        chars.get(exact);
        Arrays.fill(plain, (byte) 0);
        if (chars.hasArray()) {
            Arrays.fill(chars.array(), '\0');
        }
        return Optional.of(exact);
    }

    /**
     * Hides a password for sending (a client, or re-hiding when proxying). An empty password is hidden as one block of
     * padding (RFC 2865 5.2).
     *
     * @throws IllegalArgumentException when the password is longer than 128 octets in UTF-8 (the message never
     *                                  contains the password)
     */
    public static byte[] hide(char[] password, byte[] requestAuthenticator, byte[] secret) {
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        int length = encoded.remaining();
        if (length > 128) {
            Arrays.fill(encoded.array(), (byte) 0);
            throw new IllegalArgumentException("User-Password longer than 128 octets (RFC 2865 5.2)");
        }
        // padded with NULs to a multiple of 16 octets; an empty password is one block of padding
        byte[] padded = new byte[length == 0 ? 16 : (length + 15) / 16 * 16];
        encoded.get(padded, 0, length);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return xorChain(padded, requestAuthenticator, secret, true);
        } finally {
            Arrays.fill(padded, (byte) 0);
        }
    }

    /**
     * RFC 2865 5.2: b1 = MD5(S + RA), c1 = p1 XOR b1; bi = MD5(S + c(i-1)), ci = pi XOR bi. Each block's hash chains
     * on the previous hidden block, which is the input when revealing and the output when hiding.
     */
    private static byte[] xorChain(byte[] input, byte[] requestAuthenticator, byte[] secret, boolean hiding) {
        byte[] output = new byte[input.length];
        MessageDigest md5 = Md5Instances.md5();
        for (int block = 0; block < input.length; block += 16) {
            md5.update(secret);
            if (block == 0) {
                md5.update(requestAuthenticator, 0, 16);
            } else {
                md5.update(hiding ? output : input, block - 16, 16);
            }
            byte[] b = md5.digest();
            for (int i = 0; i < 16; i++) {
                output[block + i] = (byte) (input[block + i] ^ b[i]);
            }
            Arrays.fill(b, (byte) 0);
        }
        return output;
    }
}
