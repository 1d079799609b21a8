package nl.govroam.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import org.bouncycastle.tls.DigitallySigned;
import org.bouncycastle.tls.crypto.Tls13Verifier;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsStreamVerifier;
import org.bouncycastle.tls.crypto.TlsVerifier;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import nl.govroam.server.crypto.GovroamTlsCrypto;
import nl.govroam.server.crypto.NativeCrypto;

/**
 * The EAP load mode's client crypto: Bouncy Castle's, except that the server's handshake signature is not verified.
 * The server does the same work either way; verifying an ECDSA signature in Java costs the client more than a
 * server's whole handshake, and on a 2-core machine that made the generator the bottleneck, which a load generator
 * must not be. The certificate itself is not checked either (as before). Never use this outside the benchmark.
 * The client's X25519 runs in OpenSSL when the server's would (Java 22+ with libcrypto), for the same reason.
 */
final class UnverifyingCrypto extends GovroamTlsCrypto {
    private static final TlsVerifier ACCEPTS = new TlsVerifier() {
        @Override
        public TlsStreamVerifier getStreamVerifier(DigitallySigned digitallySigned) {
            return null;
        }

        @Override
        public boolean verifyRawSignature(DigitallySigned digitallySigned, byte[] hash) {
            return true;
        }
    };
    private static final Tls13Verifier ACCEPTS_13 = new Tls13Verifier() {
        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public boolean verifySignature(byte[] signature) {
            return true;
        }
    };

    UnverifyingCrypto(SecureRandom random) {
        super(random, NativeCrypto.availability().crypto());
    }

    @Override
    public TlsCertificate createCertificate(short type, byte[] encoding) throws IOException {
        TlsCertificate parsed = super.createCertificate(type, encoding);
        if (!(parsed instanceof BcTlsCertificate bc)) {
            return parsed;
        }
        return new BcTlsCertificate(this, bc.getCertificate()) {
            @Override
            public TlsVerifier createVerifier(short signatureAlgorithm) {
                return ACCEPTS;
            }

            @Override
            public Tls13Verifier createVerifier(int signatureScheme) {
                return ACCEPTS_13;
            }
        };
    }
}
