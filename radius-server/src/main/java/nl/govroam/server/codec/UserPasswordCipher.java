package nl.govroam.server.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.tinyradius.core.RadiusPacketException;
import org.tinyradius.core.attribute.type.RadiusAttribute;

/** User-Password hiding (RFC 2865 5.2), done by tinyradius's attribute codec. */
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
        try {
            RadiusAttribute encoded = RadiusDictionary.INSTANCE.getAttributeTemplate(AttributeType.USER_PASSWORD)
                    .orElseThrow()
                    .createEncoded(RadiusDictionary.INSTANCE, (byte) 0, hidden);
            byte[] plain = encoded.decode(requestAuthenticator, new String(secret, StandardCharsets.UTF_8)).getValue();
            int end = plain.length;
            while (end > 0 && plain[end - 1] == 0) {
                end--;
            }
            java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(plain, 0, end));
            char[] exact = new char[chars.remaining()];
            chars.get(exact);
            Arrays.fill(plain, (byte) 0);
            Arrays.fill(chars.array(), '\0');
            return Optional.of(exact);
        } catch (RadiusPacketException e) {
            return Optional.empty();
        }
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
        // an empty password is one block of NUL padding; tinyradius refuses values under 3 octets
        byte[] exact = new byte[length == 0 ? 16 : length];
        encoded.get(exact, 0, length);
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            RadiusAttribute attr = RadiusDictionary.INSTANCE.createAttribute(-1, AttributeType.USER_PASSWORD, exact);
            return attr.encode(requestAuthenticator, new String(secret, StandardCharsets.UTF_8)).getValue();
        } catch (RadiusPacketException | RuntimeException e) {
            // tinyradius puts the attribute's octets in some messages: never pass them on
            throw new IllegalArgumentException("User-Password could not be hidden (" + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(exact, (byte) 0);
        }
    }
}
