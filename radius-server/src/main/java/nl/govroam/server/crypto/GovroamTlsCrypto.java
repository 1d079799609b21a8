package nl.govroam.server.crypto;

import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Bouncy Castle's TLS crypto with two substitutions: the X25519 key exchange is done by {@link NativeCrypto} when
 * there is one, and SHA-1/SHA-2 (handshake hash, HMAC, PRF) by the JDK's digests ({@link JdkDigest}), which use the
 * CPU's SHA instructions. Every other group and primitive stays Bouncy Castle's.
 */
public class GovroamTlsCrypto extends BcTlsCrypto {
    /** Unused prototypes: each digest handed out is a copy (cheaper than a provider lookup). */
    private static final JdkDigest SHA1 = JdkDigest.of("SHA-1", 20, 64);
    private static final JdkDigest SHA256 = JdkDigest.of("SHA-256", 32, 64);
    private static final JdkDigest SHA384 = JdkDigest.of("SHA-384", 48, 128);
    private static final JdkDigest SHA512 = JdkDigest.of("SHA-512", 64, 128);

    private final Optional<NativeCrypto> nativeCrypto;

    public GovroamTlsCrypto(SecureRandom random, Optional<NativeCrypto> nativeCrypto) {
        super(random);
        this.nativeCrypto = nativeCrypto;
    }

    /** The native code this crypto uses, if any. */
    public Optional<NativeCrypto> nativeCrypto() {
        return nativeCrypto;
    }

    @Override
    public TlsECDomain createECDomain(TlsECConfig ecConfig) {
        if (ecConfig.getNamedGroup() == NamedGroup.x25519 && nativeCrypto.isPresent()) {
            NativeCrypto n = nativeCrypto.get();
            return () -> n.x25519(this);
        }
        return super.createECDomain(ecConfig);
    }

    @Override
    public Digest createDigest(int cryptoHashAlgorithm) {
        return switch (cryptoHashAlgorithm) {
            case CryptoHashAlgorithm.sha1 -> SHA1.copy();
            case CryptoHashAlgorithm.sha256 -> SHA256.copy();
            case CryptoHashAlgorithm.sha384 -> SHA384.copy();
            case CryptoHashAlgorithm.sha512 -> SHA512.copy();
            default -> super.createDigest(cryptoHashAlgorithm);
        };
    }

    @Override
    public Digest cloneDigest(int cryptoHashAlgorithm, Digest digest) {
        if (digest instanceof JdkDigest jdk) {
            return jdk.copy();
        }
        return super.cloneDigest(cryptoHashAlgorithm, digest);
    }
}
