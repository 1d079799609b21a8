package nl.govroam.server.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserPasswordCipherTest {
    private static final byte[] SECRET = "wachtwoord-geheim".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AUTHENTICATOR = HexFormat.of().parseHex("a1b2c3d4e5f60718293a4b5c6d7e8f90");

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 17, 31, 32, 33, 100, 127, 128})
    void hideThenRevealGivesThePasswordBack(int length) {
        char[] password = asciiPassword(length);

        byte[] hidden = UserPasswordCipher.hide(password, AUTHENTICATOR, SECRET);

        assertEquals(Math.max(16, (length + 15) / 16 * 16), hidden.length, "padded to a multiple of 16 octets");
        assertArrayEquals(password, UserPasswordCipher.reveal(hidden, AUTHENTICATOR, SECRET).orElseThrow());
    }

    @Test
    void emptyPasswordRevealsEmpty() {
        byte[] hidden = ReferenceCrypto.hidePassword(new byte[0], AUTHENTICATOR, SECRET);
        assertArrayEquals(new char[0], UserPasswordCipher.reveal(hidden, AUTHENTICATOR, SECRET).orElseThrow());
    }

    @Test
    void emptyPasswordHidesToOneBlock() {
        byte[] hidden = assertDoesNotThrow(() -> UserPasswordCipher.hide(new char[0], AUTHENTICATOR, SECRET),
                "BUG UserPasswordCipher.hide: RFC 2865 5.2 pads an empty password to one 16-octet block; hide throws"
                        + " tinyradius's IllegalArgumentException (String attribute min 3 octets) instead");
        assertArrayEquals(ReferenceCrypto.hidePassword(new byte[0], AUTHENTICATOR, SECRET), hidden);
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 200, 254, 300})
    void passwordOverOneHundredTwentyEightOctetsIsRefusedWithoutShowingIt(int length) {
        char[] password = new char[length];
        java.util.Arrays.fill(password, 'x');
        String plaintextHex = "78787878787878787878";
        Throwable thrown = assertThrows(IllegalArgumentException.class,
                () -> UserPasswordCipher.hide(password, AUTHENTICATOR, SECRET),
                "BUG UserPasswordCipher.hide: RFC 2865 5.2 allows at most 128 octets (reveal() refuses more), but a "
                        + length + "-octet password is hidden anyway");
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).toLowerCase().contains(plaintextHex),
                    "BUG UserPasswordCipher.hide: the exception message carries the plaintext password in hex"
                            + " (STYLE.md 8), in " + t.getClass().getName());
        }
    }

    @Test
    void everyLengthUpToOneHundredTwentyEightRoundTrips() {
        for (int length = 1; length <= 128; length++) {
            char[] password = asciiPassword(length);
            byte[] hidden = UserPasswordCipher.hide(password, AUTHENTICATOR, SECRET);
            assertArrayEquals(ReferenceCrypto.hidePassword(new String(password).getBytes(StandardCharsets.UTF_8),
                    AUTHENTICATOR, SECRET), hidden, "RFC 2865 5.2 known answer, length " + length);
            assertArrayEquals(password, UserPasswordCipher.reveal(hidden, AUTHENTICATOR, SECRET).orElseThrow(),
                    "round trip, length " + length);
        }
    }

    @Test
    void utf8PasswordRoundTrips() {
        char[] password = "wachtwoörd€".toCharArray();
        byte[] hidden = UserPasswordCipher.hide(password, AUTHENTICATOR, SECRET);
        assertArrayEquals(ReferenceCrypto.hidePassword("wachtwoörd€".getBytes(StandardCharsets.UTF_8), AUTHENTICATOR,
                SECRET), hidden, "hidden as UTF-8 octets");
        assertArrayEquals(password, UserPasswordCipher.reveal(hidden, AUTHENTICATOR, SECRET).orElseThrow());
    }

    @Test
    void revealsThePasswordRadclientHid() {
        RadiusPacket request = ((DecodeResult.Decoded) PacketDecoder.decode(CapturedPackets.ACCESS_REQUEST)).packet();
        byte[] hidden = request.first(AttributeType.USER_PASSWORD).orElseThrow().value();
        assertEquals("wachtwoord", new String(UserPasswordCipher.reveal(hidden, request.authenticator(),
                CapturedPackets.SECRET).orElseThrow()));
        assertArrayEquals(hidden, UserPasswordCipher.hide("wachtwoord".toCharArray(), request.authenticator(),
                CapturedPackets.SECRET));
    }

    @Test
    void knownAnswerComputedWithMd5() {
        // one block: c1 = p1 xor MD5(S + RA)
        byte[] b1 = ReferenceCrypto.md5(SECRET, AUTHENTICATOR);
        byte[] expected = new byte[16];
        byte[] p = "geheim".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 16; i++) {
            expected[i] = (byte) ((i < p.length ? p[i] : 0) ^ b1[i]);
        }
        assertArrayEquals(expected, UserPasswordCipher.hide("geheim".toCharArray(), AUTHENTICATOR, SECRET));
    }

    @Test
    void wrongSecretRevealsSomethingElse() {
        byte[] hidden = UserPasswordCipher.hide("geheim123".toCharArray(), AUTHENTICATOR, SECRET);
        Optional<char[]> revealed = UserPasswordCipher.reveal(hidden, AUTHENTICATOR,
                "ander-geheim".getBytes(StandardCharsets.UTF_8));
        assertTrue(revealed.isEmpty() || !"geheim123".equals(new String(revealed.get())));
    }

    @Test
    void wrongAuthenticatorRevealsSomethingElse() {
        byte[] hidden = UserPasswordCipher.hide("geheim123".toCharArray(), AUTHENTICATOR, SECRET);
        byte[] other = AUTHENTICATOR.clone();
        other[0] ^= 1;
        Optional<char[]> revealed = UserPasswordCipher.reveal(hidden, other, SECRET);
        assertTrue(revealed.isEmpty() || !"geheim123".equals(new String(revealed.get())));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 17, 31, 144, 160, 253})
    void invalidHiddenLengthsRevealNothing(int length) {
        assertFalse(UserPasswordCipher.reveal(new byte[length], AUTHENTICATOR, SECRET).isPresent(),
                "hidden value of " + length + " octets");
    }

    @Test
    void differentAuthenticatorsHideDifferently() {
        byte[] other = AUTHENTICATOR.clone();
        other[15] ^= 1;
        assertNotEquals(HexFormat.of().formatHex(UserPasswordCipher.hide("geheim".toCharArray(), AUTHENTICATOR, SECRET)),
                HexFormat.of().formatHex(UserPasswordCipher.hide("geheim".toCharArray(), other, SECRET)));
    }

    private static char[] asciiPassword(int length) {
        char[] password = new char[length];
        for (int i = 0; i < length; i++) {
            password[i] = (char) ('!' + (i * 7) % 94);
        }
        return password;
    }
}
