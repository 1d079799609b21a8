package nl.govroam.server.crypto.openssl;

import java.io.IOException;
import java.security.PrivateKey;
import nl.govroam.server.crypto.NativeCrypto;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsSigner;

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
            return new OpenSslCrypto(LibCrypto.version());
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(cause.getMessage(), cause);
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
