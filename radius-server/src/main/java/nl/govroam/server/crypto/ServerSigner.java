package nl.govroam.server.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.TlsStreamSigner;

/**
 * A native signer for the server's key, proven once: it signs a test message with each algorithm the EAP server
 * will ask for, and the JDK verifies each signature with the certificate's public key. A library that signs wrongly
 * (or a key and certificate that do not match) is caught here, before a client sees a bad handshake.
 */
public final class ServerSigner {
    private static final byte[] PROBE = "govroam: native signer check".getBytes(StandardCharsets.US_ASCII);

    private ServerSigner() {
    }

    /**
     * The checked native signer.
     *
     * @throws IOException naming what failed; the caller then signs with Bouncy Castle
     */
    public static TlsSigner checked(NativeCrypto crypto, PrivateKey key, PublicKey certificateKey)
            throws IOException {
        TlsSigner signer = crypto.signer(key);
        try {
            if (certificateKey instanceof RSAPublicKey) {
                check(signer, SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa),
                        certificateKey, Signature.getInstance("SHA256withRSA"));
                Signature pss = Signature.getInstance("RSASSA-PSS");
                pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                check(signer, SignatureAndHashAlgorithm.rsa_pss_rsae_sha256, certificateKey, pss);
            } else {
                check(signer, SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa),
                        certificateKey, Signature.getInstance("SHA256withECDSA"));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("the JDK cannot verify the check signature: " + e.getMessage(), e);
        }
        return signer;
    }

    private static void check(TlsSigner signer, SignatureAndHashAlgorithm algorithm, PublicKey publicKey,
                              Signature verifier) throws IOException, GeneralSecurityException {
        TlsStreamSigner stream = signer.getStreamSigner(algorithm);
        if (stream == null) {
            throw new IOException("no native signature for " + algorithm);
        }
        stream.getOutputStream().write(PROBE);
        byte[] signature = stream.getSignature();
        verifier.initVerify(publicKey);
        verifier.update(PROBE);
        if (!verifier.verify(signature)) {
            throw new IOException("the native " + algorithm + " signature does not verify with the certificate's key");
        }
    }
}
