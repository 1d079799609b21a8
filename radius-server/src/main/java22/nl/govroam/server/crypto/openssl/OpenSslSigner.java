package nl.govroam.server.crypto.openssl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.TlsStreamSigner;

/**
 * The server's TLS signature made by libcrypto: the signed content is collected and signed in one call
 * ({@code EVP_DigestSign}), hashing included. RSA keys sign PKCS#1 v1.5 or PSS with a digest-long salt and MGF1
 * with the same digest (rsae schemes); EC keys sign ECDSA, DER-encoded as TLS expects. The key lives in OpenSSL's
 * memory until this signer is unreachable.
 */
final class OpenSslSigner implements TlsSigner {
    private static final Arena NAMES = Arena.global();
    private static final MemorySegment SHA1 = NAMES.allocateFrom("SHA1");
    private static final MemorySegment SHA256 = NAMES.allocateFrom("SHA256");
    private static final MemorySegment SHA384 = NAMES.allocateFrom("SHA384");
    private static final MemorySegment SHA512 = NAMES.allocateFrom("SHA512");

    private final MemorySegment key;
    private final int maxSize;
    private final boolean rsa;

    OpenSslSigner(PrivateKey privateKey) throws IOException {
        MemorySegment loaded = LibCrypto.privateKey(privateKey.getEncoded());
        this.rsa = privateKey instanceof RSAKey;
        this.maxSize = LibCrypto.signatureSize(loaded);
        this.key = loaded.reinterpret(Arena.ofAuto(), LibCrypto::freeKey);
    }

    @Override
    public byte[] generateRawSignature(SignatureAndHashAlgorithm algorithm, byte[] hash) throws IOException {
        throw new TlsFatalAlert(AlertDescription.internal_error, "no native signature over a pre-computed hash for "
                + algorithm);
    }

    @Override
    public TlsStreamSigner getStreamSigner(SignatureAndHashAlgorithm algorithm) {
        if (algorithm == null) {
            return null;
        }
        short signature = algorithm.getSignature();
        MemorySegment digest;
        int padding;
        if (rsa && signature == SignatureAlgorithm.rsa) {
            digest = digest(algorithm.getHash());
            padding = LibCrypto.RSA_PKCS1_PADDING;
        } else if (rsa && algorithm.getHash() == HashAlgorithm.Intrinsic) {
            digest = switch (signature) {
                case SignatureAlgorithm.rsa_pss_rsae_sha256 -> SHA256;
                case SignatureAlgorithm.rsa_pss_rsae_sha384 -> SHA384;
                case SignatureAlgorithm.rsa_pss_rsae_sha512 -> SHA512;
                default -> null;
            };
            padding = LibCrypto.RSA_PKCS1_PSS_PADDING;
        } else if (!rsa && signature == SignatureAlgorithm.ecdsa) {
            digest = digest(algorithm.getHash());
            padding = 0;
        } else {
            return null;
        }
        if (digest == null) {
            return null;
        }
        return new Stream(digest, padding);
    }

    private static MemorySegment digest(short hash) {
        return switch (hash) {
            case HashAlgorithm.sha1 -> SHA1;
            case HashAlgorithm.sha256 -> SHA256;
            case HashAlgorithm.sha384 -> SHA384;
            case HashAlgorithm.sha512 -> SHA512;
            default -> null;
        };
    }

    private final class Stream implements TlsStreamSigner {
        private final ByteArrayOutputStream content = new ByteArrayOutputStream(256);
        private final MemorySegment digest;
        private final int padding;

        Stream(MemorySegment digest, int padding) {
            this.digest = digest;
            this.padding = padding;
        }

        @Override
        public OutputStream getOutputStream() {
            return content;
        }

        @Override
        public byte[] getSignature() throws IOException {
            try {
                return LibCrypto.sign(key, maxSize, digest, padding, content.toByteArray());
            } catch (OpenSslException e) {
                throw new TlsFatalAlert(AlertDescription.internal_error, e.getMessage(), e);
            }
        }
    }
}
