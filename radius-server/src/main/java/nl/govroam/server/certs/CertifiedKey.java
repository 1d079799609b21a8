package nl.govroam.server.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, leaf first.
 *
 * @param chain the certificate, then any intermediates (and perhaps the root)
 * @param key   the private key of {@code chain.get(0)}
 */
public record CertifiedKey(List<X509Certificate> chain, PrivateKey key) {
    public CertifiedKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least one certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The key is not printed. */
    @Override
    public String toString() {
        return "CertifiedKey[" + certificate().getSubjectX500Principal().getName() + ", key=<redacted>]";
    }
}
