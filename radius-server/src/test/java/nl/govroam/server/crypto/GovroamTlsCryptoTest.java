package nl.govroam.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsHash;
import org.bouncycastle.tls.crypto.TlsHMAC;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDK digests inside the TLS crypto give Bouncy Castle's results: plain, cloned mid-stream, as HMAC, reused. */
class GovroamTlsCryptoTest {
    private static final BcTlsCrypto BC = new BcTlsCrypto(new SecureRandom());
    private static final GovroamTlsCrypto OURS = new GovroamTlsCrypto(new SecureRandom(), Optional.empty());

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @ParameterizedTest
    @ValueSource(ints = {CryptoHashAlgorithm.sha1, CryptoHashAlgorithm.sha256, CryptoHashAlgorithm.sha384,
            CryptoHashAlgorithm.sha512})
    void hashesAndClonesMatchBouncyCastle(int algorithm) {
        assertInstanceOf(JdkDigest.class, OURS.createDigest(algorithm));
        TlsHash ours = OURS.createHash(algorithm);
        TlsHash theirs = BC.createHash(algorithm);
        byte[] first = bytes(300, 1);
        ours.update(first, 0, first.length);
        theirs.update(first, 0, first.length);
        TlsHash ourClone = ours.cloneHash();
        byte[] more = bytes(1000, 2);
        ours.update(more, 0, more.length);
        theirs.update(more, 0, more.length);
        assertArrayEquals(theirs.calculateHash(), ours.calculateHash());
        TlsHash reference = BC.createHash(algorithm);
        reference.update(first, 0, first.length);
        assertArrayEquals(reference.calculateHash(), ourClone.calculateHash(), "a clone keeps the state it was taken at");
    }

    @ParameterizedTest
    @ValueSource(ints = {CryptoHashAlgorithm.sha1, CryptoHashAlgorithm.sha256, CryptoHashAlgorithm.sha384,
            CryptoHashAlgorithm.sha512})
    void hmacOverReusedKeyStatesMatchesBouncyCastle(int algorithm) {
        Digest digest = OURS.createDigest(algorithm);
        HMac ours = new HMac(digest);
        HMac theirs = new HMac(BC.createDigest(algorithm));
        byte[] key = bytes(48, 3);
        ours.init(new KeyParameter(key));
        theirs.init(new KeyParameter(key));
        for (int round = 0; round < 3; round++) {
            byte[] input = ("round " + round).getBytes(StandardCharsets.US_ASCII);
            byte[] a = new byte[ours.getMacSize()];
            byte[] b = new byte[theirs.getMacSize()];
            ours.update(input, 0, input.length);
            theirs.update(input, 0, input.length);
            ours.doFinal(a, 0);
            theirs.doFinal(b, 0);
            assertArrayEquals(b, a, "round " + round);
        }
        TlsHMAC tlsOurs = OURS.createHMACForHash(algorithm);
        TlsHMAC tlsTheirs = BC.createHMACForHash(algorithm);
        tlsOurs.setKey(key, 0, key.length);
        tlsTheirs.setKey(key, 0, key.length);
        tlsOurs.update(key, 0, 7);
        tlsTheirs.update(key, 0, 7);
        assertArrayEquals(tlsTheirs.calculateMAC(), tlsOurs.calculateMAC());
        assertEquals(digest.getDigestSize(), tlsOurs.getMacLength());
    }
}
