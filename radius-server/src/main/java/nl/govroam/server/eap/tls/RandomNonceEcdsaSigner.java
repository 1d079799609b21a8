package nl.govroam.server.eap.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.TlsStreamSigner;

/**
 * The TLS 1.2 ServerKeyExchange signature with an EC key: ECDSA (FIPS 186-4) with its nonce drawn from the TLS
 * crypto's {@link SecureRandom}, as OpenSSL signs, instead of Bouncy Castle's default deterministic nonce (RFC 6979),
 * whose HMAC-SHA-256 derivation was about 10 µs of every full handshake. The signature is the DER
 * {@code SEQUENCE { r, s }} TLS expects (RFC 8422 5.4).
 */
final class RandomNonceEcdsaSigner implements TlsSigner {
    private final ECPrivateKeyParameters key;
    private final SecureRandom random;

    RandomNonceEcdsaSigner(ECPrivateKeyParameters key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    @Override
    public byte[] generateRawSignature(SignatureAndHashAlgorithm algorithm, byte[] hash) throws IOException {
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(key, random));
        BigInteger[] rs = signer.generateSignature(hash);
        return new DERSequence(new ASN1Encodable[] {new ASN1Integer(rs[0]), new ASN1Integer(rs[1])})
                .getEncoded(ASN1Encoding.DER);
    }

    @Override
    public TlsStreamSigner getStreamSigner(SignatureAndHashAlgorithm algorithm) {
        return null;
    }
}
