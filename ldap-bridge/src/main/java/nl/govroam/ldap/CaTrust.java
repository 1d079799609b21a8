package nl.govroam.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The trust managers for ldaps/StartTLS: the CAs of a PEM file, or the JVM's default trust store.
 * They come from the PKIX {@link TrustManagerFactory}, so they are {@code X509ExtendedTrustManager}s and the
 * host name check the connection asks for (endpoint identification "LDAPS") stays on.
 */
final class CaTrust {
    private CaTrust() {
    }

    static TrustManager[] trustManagers(Optional<Path> caFile) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(caFile.isPresent() ? keyStoreOf(caFile.get()) : null);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("CA file " + caFile.map(Path::toString).orElse("(JVM default)")
                    + " cannot be used: " + ServerCallFailure.describe(e), e);
        }
    }

    private static KeyStore keyStoreOf(Path pem) throws GeneralSecurityException, IOException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pem)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + pem);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        return store;
    }
}
