package nl.govroam.server.eap.mschap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The worked example of RFC 2759 9.2. */
class MsChapV2Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] USER = "User".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUTH_CHALLENGE = HEX.parseHex("5b5d7c7d7b3f2f3e3c2c602132262628");
    private static final byte[] PEER_CHALLENGE = HEX.parseHex("21402324255e262a28295f2b3a337c7e");
    /** NtPasswordHash("clientPass"). */
    private static final byte[] NT_HASH = HEX.parseHex("44ebba8d5312b8d611474411f56989ae");
    private static final byte[] NT_RESPONSE = HEX.parseHex("82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df");

    @Test
    void ntResponseMatchesTheRfcExample() {
        assertArrayEquals(HEX.parseHex("d02e4386bce91226"), MsChapV2.challengeHash(PEER_CHALLENGE, AUTH_CHALLENGE, USER));
        assertArrayEquals(NT_RESPONSE, MsChapV2.ntResponse(AUTH_CHALLENGE, PEER_CHALLENGE, USER, NT_HASH));
        assertTrue(MsChapV2.verify(AUTH_CHALLENGE, PEER_CHALLENGE, USER, NT_HASH, NT_RESPONSE));
    }

    @Test
    void authenticatorResponseMatchesTheRfcExample() {
        assertEquals("S=407A5589115FD0D6209F510FE9C04566932CDA56",
                MsChapV2.authenticatorResponse(NT_HASH, NT_RESPONSE, PEER_CHALLENGE, AUTH_CHALLENGE, USER));
    }

    @Test
    void domainPrefixIsLeftOutOfTheHashedName() {
        assertArrayEquals(USER, MsChapV2.userNameForHash("DOMAIN\\User"));
    }
}
