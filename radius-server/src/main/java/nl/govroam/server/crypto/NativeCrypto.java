package nl.govroam.server.crypto;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.security.PrivateKey;
import java.util.Optional;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsSigner;

/**
 * Native implementations of the two operations that dominate a full TLS handshake's CPU: the server's signature
 * (one RSA-2048 signature is ~670 µs in Java, ~215 µs in OpenSSL; ECDSA P-256 ~51 vs ~17 µs) and the X25519 key
 * exchange. Implementations are thread-safe.
 */
public interface NativeCrypto {
    /** The system property that turns the native code off ({@code -Dgovroam.openssl=false}). */
    String DISABLE_PROPERTY = "govroam.openssl";

    /** What runs the math, for the startup log, e.g. {@code OpenSSL 3.0.19 27 Jan 2026}. */
    String description();

    /**
     * A TLS signer with this private key (RSA or EC). It signs through {@link TlsSigner#getStreamSigner} for
     * RSASSA-PKCS1-v1_5 and RSASSA-PSS (rsae) and ECDSA with SHA-1/256/384/512, which covers every algorithm the
     * EAP server selects; anything else returns no stream signer and is refused. Check a new signer against the
     * certificate once ({@link ServerSigner}).
     *
     * @throws IOException when the library refuses the key
     */
    TlsSigner signer(PrivateKey key) throws IOException;

    /** One ephemeral X25519 key agreement (RFC 7748); the shared secret is adopted by {@code crypto}. */
    TlsAgreement x25519(TlsCrypto crypto);

    /** Whether native crypto is in use, and why not when it is not. */
    record Availability(Optional<NativeCrypto> crypto, String reason) {
        /** A line for the startup log. */
        public String describe() {
            return crypto.map(c -> "EAP TLS signatures and X25519 by " + c.description() + " (libcrypto)")
                    .orElse("EAP TLS signatures and X25519 by Bouncy Castle (Java): " + reason);
        }
    }

    /** The process's native crypto, loaded once. */
    static Availability availability() {
        return Loader.AVAILABILITY;
    }

    /** Loads the release-22 implementation reflectively, so that the rest of the code also runs on Java 21. */
    final class Loader {
        private static final String IMPLEMENTATION = "nl.govroam.server.crypto.openssl.OpenSslCrypto";
        private static final Availability AVAILABILITY = load(System.getProperty(DISABLE_PROPERTY, "true"),
                Runtime.version().feature());

        private Loader() {
        }

        /**
         * What this process can use.
         *
         * @param switchValue the {@value #DISABLE_PROPERTY} property ("false" turns the native code off)
         * @param javaFeature the running Java's feature release
         */
        static Availability load(String switchValue, int javaFeature) {
            if ("false".equalsIgnoreCase(switchValue)) {
                return new Availability(Optional.empty(), "turned off with -D" + DISABLE_PROPERTY + "=false");
            }
            if (javaFeature < 22) {
                return new Availability(Optional.empty(), "OpenSSL needs Java 22 or newer (this is "
                        + javaFeature + ")");
            }
            try {
                Object loaded = Class.forName(IMPLEMENTATION).getMethod("load").invoke(null);
                return new Availability(Optional.of((NativeCrypto) loaded), "");
            } catch (ClassNotFoundException | NoSuchMethodException | UnsupportedClassVersionError e) {
                return new Availability(Optional.empty(), "this build has no OpenSSL binding (built on Java < 22)");
            } catch (InvocationTargetException e) {
                return new Availability(Optional.empty(), String.valueOf(e.getCause().getMessage()));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return new Availability(Optional.empty(), e.toString());
            }
        }
    }
}
