package nl.govroam.server.eap.tls;

import java.util.Arrays;

/**
 * What the TLS handshake leaves for EAP, exported inside the handshake-complete callback (afterwards Bouncy Castle
 * has dropped the secrets): the MSK, the TTLS implicit challenge and the negotiated version.
 *
 * @param msk           the 64-octet Master Session Key
 * @param ttlsChallenge the 17 octets of "ttls challenge" keying material (RFC 5281 11.1), or empty
 * @param tlsVersion    {@code TLSv1.2} or {@code TLSv1.3}
 */
public record EapKeys(byte[] msk, byte[] ttlsChallenge, String tlsVersion) {

    @Override
    public byte[] msk() {
        return msk.clone();
    }

    @Override
    public byte[] ttlsChallenge() {
        return ttlsChallenge.clone();
    }

    /** Overwrites the key material. */
    public void destroy() {
        Arrays.fill(msk, (byte) 0);
        Arrays.fill(ttlsChallenge, (byte) 0);
    }

    @Override
    public String toString() {
        return "EapKeys[" + tlsVersion + ", <redacted>]";
    }
}
