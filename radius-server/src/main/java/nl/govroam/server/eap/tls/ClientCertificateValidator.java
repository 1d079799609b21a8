package nl.govroam.server.eap.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.tls.Certificate;

/**
 * EAP-TLS: the PKIX check Bouncy Castle's TLS does not do (RFC 5280 path validation to the realm's CAs, validity,
 * the clientAuth extended key usage when the certificate restricts its use), then the identity the certificate
 * names. Revocation is not checked: no CRL or OCSP source is configured.
 */
public final class ClientCertificateValidator {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_USAGE = "2.5.29.37.0";

    private final Set<TrustAnchor> anchors;
    private X509Certificate leaf;

    /** @param anchors the CAs of the user's realm; none means every certificate is refused */
    public ClientCertificateValidator(Set<TrustAnchor> anchors) {
        this.anchors = Set.copyOf(anchors);
    }

    /** The validated leaf certificate, once {@link #refusal} accepted a chain. */
    public X509Certificate leaf() {
        return leaf;
    }

    String refusal(Certificate tlsChain) {
        if (anchors.isEmpty()) {
            return "no client CA is configured for this realm (eap.client-cas)";
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (int i = 0; i < tlsChain.getLength(); i++) {
                chain.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(tlsChain.getCertificateAt(i).getEncoded())));
            }
            List<X509Certificate> path = chain.stream()
                    .filter(c -> anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c))).toList();
            if (path.isEmpty()) {
                return "the client sent only a CA certificate";
            }
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(path), parameters);
            X509Certificate first = chain.get(0);
            List<String> usages = first.getExtendedKeyUsage();
            if (usages != null && !usages.contains(CLIENT_AUTH) && !usages.contains(ANY_USAGE)) {
                return "the certificate is not for client authentication (extended key usage)";
            }
            leaf = first;
            return null;
        } catch (GeneralSecurityException e) {
            return "certificate path does not validate to a CA of this realm: " + e.getMessage();
        } catch (IOException e) {
            return "certificate cannot be read: " + e.getMessage();
        }
    }
}
