package nl.govroam.server.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HmacMd5Test {

    private static byte[] jdk(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacMD5"));
        return mac.doFinal(data);
    }

    @Test
    void matchesTheJdkForShortLongAndEmptyKeysAndAnyMessageLength() throws Exception {
        Random random = new Random(7);
        for (int keyLength : new int[] {0, 1, 16, 63, 64, 65, 100}) {
            for (int dataLength : new int[] {0, 1, 20, 55, 56, 64, 200, 4096}) {
                byte[] key = new byte[keyLength];
                byte[] data = new byte[dataLength];
                random.nextBytes(key);
                random.nextBytes(data);
                assertArrayEquals(jdk(key, data), HmacMd5.keyed(key).doFinal(data), keyLength + "/" + dataLength);
                // a second use of the same key comes from the cache and must not carry state over
                assertArrayEquals(jdk(key, data), HmacMd5.keyed(key).doFinal(data), "cached " + keyLength);
            }
        }
    }

    @Test
    void updatesInPiecesEqualOneUpdate() throws Exception {
        byte[] key = "a shared secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] data = new byte[300];
        new Random(3).nextBytes(data);
        HmacMd5 mac = HmacMd5.keyed(key);
        mac.update(data, 0, 4);
        mac.update(data, 4, 100);
        mac.update(java.util.Arrays.copyOfRange(data, 104, 300));
        assertRfcVector();
        assertArrayEquals(jdk(key, data), mac.doFinal());
    }

    /** RFC 2202 test case 2: key "Jefe", data "what do ya want for nothing?". */
    private static void assertRfcVector() {
        byte[] expected = java.util.HexFormat.of().parseHex("750c783e6ab0b503eaa86e310a5db738");
        assertArrayEquals(expected, HmacMd5.keyed("Jefe".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .doFinal("what do ya want for nothing?".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
