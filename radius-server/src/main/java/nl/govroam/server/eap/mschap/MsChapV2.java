package nl.govroam.server.eap.mschap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * MS-CHAPv2 as the authenticator computes it (RFC 2759 8), from the stored NT hash instead of the password:
 * the expected NT-Response and the authenticator response ("S=" and 40 hex digits) the peer checks.
 */
public final class MsChapV2 {
    private static final byte[] MAGIC1 = "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC2 = "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII);

    private MsChapV2() {
    }

    /** RFC 2759 8.2 ChallengeHash: SHA-1(PeerChallenge, AuthenticatorChallenge, UserName), first 8 octets. */
    static byte[] challengeHash(byte[] peerChallenge, byte[] authenticatorChallenge, byte[] userName) {
        SHA1Digest sha = new SHA1Digest();
        sha.update(peerChallenge, 0, peerChallenge.length);
        sha.update(authenticatorChallenge, 0, authenticatorChallenge.length);
        sha.update(userName, 0, userName.length);
        byte[] digest = new byte[20];
        sha.doFinal(digest, 0);
        return Arrays.copyOf(digest, 8);
    }

    /** RFC 2759 8.5 ChallengeResponse: the 8-octet challenge DES-encrypted with three keys from the padded hash. */
    static byte[] challengeResponse(byte[] challenge, byte[] ntHash) {
        byte[] zHash = Arrays.copyOf(ntHash, 21);
        byte[] response = new byte[24];
        for (int i = 0; i < 3; i++) {
            DESEngine des = new DESEngine();
            des.init(true, new KeyParameter(desKey(zHash, i * 7)));
            des.processBlock(challenge, 0, response, i * 8);
        }
        Arrays.fill(zHash, (byte) 0);
        return response;
    }

    /** RFC 2759 8.6: 7 key octets spread over 8, the low bit of each (parity) left as DES ignores it. */
    private static byte[] desKey(byte[] in, int offset) {
        byte[] key = new byte[8];
        int next = 0;
        for (int i = 0; i < 7; i++) {
            int b = in[offset + i] & 0xFF;
            key[i] = (byte) ((b >>> i) | next | 1);
            next = (b << (7 - i)) & 0xFF;
        }
        key[7] = (byte) (next | 1);
        return key;
    }

    /** RFC 2759 8.1 GenerateNTResponse from the NT hash. */
    public static byte[] ntResponse(byte[] authenticatorChallenge, byte[] peerChallenge, byte[] userName, byte[] ntHash) {
        return challengeResponse(challengeHash(peerChallenge, authenticatorChallenge, userName), ntHash);
    }

    /** Whether the peer's NT-Response proves it knows the password (constant-time compare). */
    public static boolean verify(byte[] authenticatorChallenge, byte[] peerChallenge, byte[] userName, byte[] ntHash,
                                 byte[] peerNtResponse) {
        return MessageDigest.isEqual(ntResponse(authenticatorChallenge, peerChallenge, userName, ntHash), peerNtResponse);
    }

    /** RFC 2759 8.7 GenerateAuthenticatorResponse: {@code S=} and 40 upper-case hex digits. */
    public static String authenticatorResponse(byte[] ntHash, byte[] ntResponse, byte[] peerChallenge,
                                               byte[] authenticatorChallenge, byte[] userName) {
        byte[] hashHash = new byte[16];
        MD4Digest md4 = new MD4Digest();
        md4.update(ntHash, 0, ntHash.length);
        md4.doFinal(hashHash, 0);
        SHA1Digest sha = new SHA1Digest();
        sha.update(hashHash, 0, 16);
        sha.update(ntResponse, 0, ntResponse.length);
        sha.update(MAGIC1, 0, MAGIC1.length);
        byte[] digest = new byte[20];
        sha.doFinal(digest, 0);
        byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, userName);
        sha.update(digest, 0, 20);
        sha.update(challenge, 0, 8);
        sha.update(MAGIC2, 0, MAGIC2.length);
        sha.doFinal(digest, 0);
        Arrays.fill(hashHash, (byte) 0);
        return "S=" + HexFormat.of().withUpperCase().formatHex(digest);
    }

    /**
     * The user name as MS-CHAPv2 hashes it (RFC 2759 4): the name the peer sent, without a leading
     * {@code DOMAIN\} (as Windows and wpa_supplicant leave it out).
     */
    public static byte[] userNameForHash(String name) {
        int backslash = name.indexOf('\\');
        return (backslash >= 0 ? name.substring(backslash + 1) : name).getBytes(StandardCharsets.UTF_8);
    }
}
