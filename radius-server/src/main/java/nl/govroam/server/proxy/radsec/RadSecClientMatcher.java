package nl.govroam.server.proxy.radsec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import nl.govroam.server.config.RadSecClientConfig;

/**
 * Finds the federation client a TLS peer is: its certificate (already PKIX-validated by the handshake against the
 * union of the clients' CAs) must be issued by that client's CA and carry one of its names (DNS SAN, else subject CN).
 */
final class RadSecClientMatcher {
    private record Candidate(RadSecClientConfig config, List<X509Certificate> cas) {
    }

    private final List<Candidate> candidates = new ArrayList<>();

    RadSecClientMatcher(List<RadSecClientConfig> clients) {
        for (RadSecClientConfig c : clients) {
            candidates.add(new Candidate(c, read(c)));
        }
    }

    List<X509Certificate> allCas() {
        return candidates.stream().flatMap(c -> c.cas().stream()).toList();
    }

    Optional<RadSecClientConfig> match(X509Certificate leaf) {
        List<String> names = names(leaf);
        for (Candidate c : candidates) {
            boolean issued = c.cas().stream().anyMatch(ca -> verifies(leaf, ca));
            boolean named = c.config().names().stream().anyMatch(n -> names.contains(n.toLowerCase(Locale.ROOT)));
            if (issued && named) {
                return Optional.of(c.config());
            }
        }
        return Optional.empty();
    }

    static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        names.add(san.get(1).toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (names.isEmpty()) {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        names.add(rdn.getValue().toString().toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (GeneralSecurityException | javax.naming.InvalidNameException e) {
            return List.of();
        }
        return names;
    }

    private static boolean verifies(X509Certificate leaf, X509Certificate ca) {
        try {
            leaf.verify(ca.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<X509Certificate> read(RadSecClientConfig c) {
        try (InputStream in = Files.newInputStream(c.ca())) {
            List<X509Certificate> out = new ArrayList<>();
            for (java.security.cert.Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) cert);
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("CA file " + c.ca() + " of RadSec client " + c.name() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }
}
