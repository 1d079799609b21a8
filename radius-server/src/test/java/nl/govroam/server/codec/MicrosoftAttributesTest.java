package nl.govroam.server.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MS-MPPE-Send-Key and -Recv-Key (RFC 2548 2.4.2, 2.4.3) against the RFC's formula written out again in the test:
 * P = key length octet + key + zero padding to 16n; b(1) = MD5(S + R + A), c(i) = p(i) xor b(i),
 * b(i) = MD5(S + c(i-1)); the attribute value is the salt (most significant bit set) and c(1)..c(n).
 */
class MicrosoftAttributesTest {
    private static final byte[] SECRET = "xyzzy5461".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AUTHENTICATOR = sequence(16, 0x30);

    private static byte[] sequence(int length, int start) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    /** The RFC 2548 2.4.2 construction, independent of the code under test. */
    private static byte[] rfc2548Encrypt(byte[] key, byte[] authenticator, byte[] secret, byte[] salt) {
        byte[] p = new byte[(key.length + 1 + 15) / 16 * 16];
        p[0] = (byte) key.length;
        System.arraycopy(key, 0, p, 1, key.length);
        byte[] c = new byte[p.length];
        byte[] b = ReferenceCrypto.md5(secret, authenticator, salt);
        for (int i = 0; i < p.length; i += 16) {
            if (i > 0) {
                b = ReferenceCrypto.md5(secret, Arrays.copyOfRange(c, i - 16, i));
            }
            for (int j = 0; j < 16; j++) {
                c[i + j] = (byte) (p[i + j] ^ b[j]);
            }
        }
        byte[] value = new byte[2 + c.length];
        value[0] = salt[0];
        value[1] = salt[1];
        System.arraycopy(c, 0, value, 2, c.length);
        return value;
    }

    @Test
    void encryptionFollowsTheRfcConstruction() {
        byte[] key = sequence(32, 1);
        byte[] salt = {(byte) 0x81, 0x23};
        byte[] ours = MicrosoftAttributes.encryptKey(key, AUTHENTICATOR, SECRET, salt);
        assertArrayEquals(rfc2548Encrypt(key, AUTHENTICATOR, SECRET, salt), ours);
        assertEquals(2 + 48, ours.length);
        assertArrayEquals(key, MicrosoftAttributes.decryptKey(ours, AUTHENTICATOR, SECRET));
    }

    @Test
    void accessAcceptKeysAreRecvThenSendWithDistinctHighBitSalts() {
        byte[] msk = sequence(64, 0);
        List<RadiusAttribute> keys = MicrosoftAttributes.mppeKeys(msk, AUTHENTICATOR, SECRET);
        byte[] recv = MicrosoftAttributes.microsoftValue(keys.get(0), MicrosoftAttributes.MS_MPPE_RECV_KEY);
        byte[] send = MicrosoftAttributes.microsoftValue(keys.get(1), MicrosoftAttributes.MS_MPPE_SEND_KEY);
        assertEquals(0x80, recv[0] & 0x80);
        assertEquals(0x80, send[0] & 0x80);
        assertFalse(recv[0] == send[0] && recv[1] == send[1], "salts in one packet must differ");
        byte[] recvSalt = Arrays.copyOfRange(recv, 0, 2);
        assertArrayEquals(rfc2548Encrypt(Arrays.copyOfRange(msk, 0, 32), AUTHENTICATOR, SECRET, recvSalt), recv);
        assertArrayEquals(Arrays.copyOfRange(msk, 32, 64), MicrosoftAttributes.decryptKey(send, AUTHENTICATOR, SECRET));
        assertTrue(MicrosoftAttributes.isMppeKey(keys.get(0)));
        assertTrue(MicrosoftAttributes.isMppeKey(keys.get(1)));
    }

    @Test
    void aProxyReencryptsForTheNextHop() {
        byte[] key = sequence(32, 0x40);
        byte[] peerSecret = "peer-secret".getBytes(StandardCharsets.US_ASCII);
        byte[] ourAuthenticator = sequence(16, 0x90);
        byte[] fromPeer = rfc2548Encrypt(key, ourAuthenticator, peerSecret, new byte[] {(byte) 0xC0, 0x01});
        RadiusAttribute peerAttribute = MicrosoftAttributes.vendorSpecific(MicrosoftAttributes.MS_MPPE_SEND_KEY, fromPeer);

        RadiusAttribute forNas = MicrosoftAttributes.reencrypt(peerAttribute, ourAuthenticator, peerSecret,
                AUTHENTICATOR, SECRET).orElseThrow();

        byte[] value = MicrosoftAttributes.microsoftValue(forNas, MicrosoftAttributes.MS_MPPE_SEND_KEY);
        assertArrayEquals(rfc2548Encrypt(key, AUTHENTICATOR, SECRET, Arrays.copyOfRange(value, 0, 2)), value);
        assertNotEquals(Arrays.toString(fromPeer), Arrays.toString(value));
    }

    @Test
    void otherVendorAttributesAndBrokenKeysAreNotReencrypted() {
        RadiusAttribute other = MicrosoftAttributes.vendorSpecific(26, new byte[18]);
        assertFalse(MicrosoftAttributes.isMppeKey(other));
        assertTrue(MicrosoftAttributes.reencrypt(other, AUTHENTICATOR, SECRET, AUTHENTICATOR, SECRET).isEmpty());
        RadiusAttribute shortKey = MicrosoftAttributes.vendorSpecific(MicrosoftAttributes.MS_MPPE_RECV_KEY, new byte[7]);
        assertTrue(MicrosoftAttributes.reencrypt(shortKey, AUTHENTICATOR, SECRET, AUTHENTICATOR, SECRET).isEmpty());
    }
}
