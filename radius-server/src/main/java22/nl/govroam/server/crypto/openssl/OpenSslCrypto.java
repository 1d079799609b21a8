package nl.govroam.server.crypto.openssl;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import nl.govroam.server.crypto.NativeCrypto;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcX25519;

/** {@link NativeCrypto} on the system's libcrypto. */
public final class OpenSslCrypto implements NativeCrypto {
    private static final long OPENSSL_3 = 0x30000000L;

    private final String version;

    private OpenSslCrypto(String version) {
        this.version = version;
    }

    /**
     * Binds libcrypto; called reflectively by {@link NativeCrypto#availability()}.
     *
     * @throws IllegalStateException saying why it cannot be used (missing library, older than 3.0)
     */
    public static NativeCrypto load() {
        try {
            long number = LibCrypto.versionNumber();
            if (number < OPENSSL_3) {
                throw new IllegalStateException("libcrypto is " + LibCrypto.version() + "; OpenSSL 3.0 or newer is needed");
            }
            OpenSslCrypto crypto = new OpenSslCrypto(LibCrypto.version());
            crypto.checkX25519();
            return crypto;
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /**
     * One X25519 exchange with Bouncy Castle on the other side: a libcrypto without X25519 (a restricted FIPS
     * build, say) or a broken binding is found here, once, and the server uses Bouncy Castle instead of failing
     * every handshake.
     */
    private void checkX25519() {
        BcTlsCrypto reference = new BcTlsCrypto(new SecureRandom());
        try {
            TlsAgreement ours = x25519(reference);
            TlsAgreement theirs = new BcX25519(reference);
            byte[] ourPublic = ours.generateEphemeral();
            ours.receivePeerValue(theirs.generateEphemeral());
            theirs.receivePeerValue(ourPublic);
            if (!Arrays.equals(ours.calculateSecret().extract(), theirs.calculateSecret().extract())) {
                throw new IllegalStateException("libcrypto's X25519 secret differs from Bouncy Castle's");
            }
        } catch (IOException e) {
            throw new IllegalStateException("libcrypto's X25519 does not work: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return version;
    }

    @Override
    public TlsSigner signer(PrivateKey key) throws IOException {
        return new OpenSslSigner(key);
    }

    @Override
    public TlsAgreement x25519(TlsCrypto crypto) {
        return new OpenSslX25519(crypto);
    }
}
