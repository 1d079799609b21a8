package nl.govroam.server.cli.testauth;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * How the test client judges the EAP server's certificate, as a supplicant configured with a CA and a server name
 * does: the chain must validate (PKIX, RFC 5280 6) to one of the given CAs, the leaf must allow serverAuth when it
 * has an Extended Key Usage, and with a name the leaf's dNSName (or, without any, its CN) must match it (RFC 6125 6.4,
 * a wildcard only as the whole left-most label). Revocation is not checked: EAP has no network before the accept.
 */
final class ServerCertificateCheck {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    private static final int DNS_NAME = 2;

    private final Set<TrustAnchor> anchors;
    private final String serverName;

    private ServerCertificateCheck(Set<TrustAnchor> anchors, String serverName) {
        this.anchors = anchors;
        this.serverName = serverName;
    }

    /** Validates against these CAs and, when {@code serverName} is not null, that name. */
    static ServerCertificateCheck trusting(List<X509Certificate> cas, String serverName) {
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("the CA file holds no certificate");
        }
        return new ServerCertificateCheck(cas.stream().map(c -> new TrustAnchor(c, null)).collect(Collectors.toSet()),
                serverName);
    }

    /** Accepts any certificate ({@code --insecure}): the password then goes to whoever answers. */
    static ServerCertificateCheck insecure() {
        return new ServerCertificateCheck(Set.of(), null);
    }

    boolean verifies() {
        return !anchors.isEmpty();
    }

    /** Why the chain (leaf first) is refused, or null when it is accepted. */
    String refusal(List<X509Certificate> chain) {
        if (!verifies()) {
            return null;
        }
        if (chain.isEmpty()) {
            return "the server sent no certificate";
        }
        X509Certificate leaf = chain.get(0);
        String pathProblem = pathProblem(chain);
        if (pathProblem != null) {
            return pathProblem;
        }
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            if (usages != null && !usages.contains(SERVER_AUTH) && !usages.contains(ANY_EXTENDED_KEY_USAGE)) {
                return "the server certificate is not for TLS servers (no serverAuth in its Extended Key Usage)";
            }
        } catch (CertificateParsingException e) {
            return "the server certificate's Extended Key Usage cannot be read";
        }
        if (serverName != null && !names(leaf).stream().anyMatch(n -> matches(n, serverName))) {
            return "the server certificate is for " + names(leaf) + ", not " + serverName;
        }
        return null;
    }

    private String pathProblem(List<X509Certificate> chain) {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c))) {
                path.add(c);
            }
        }
        if (path.isEmpty()) {
            return null;
        }
        try {
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return null;
        } catch (GeneralSecurityException e) {
            return "the server certificate does not validate against the CA file: " + e.getMessage();
        }
    }

    /** The dNSName entries of the subject alternative names; without any, the subject's common names. */
    static List<String> names(X509Certificate leaf) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = leaf.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (entry.size() == 2 && entry.get(0) instanceof Integer type && type == DNS_NAME) {
                        names.add(entry.get(1).toString());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return names;
        }
        if (names.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                    if (rdn.getType().equalsIgnoreCase("CN")) {
                        names.add(rdn.getValue().toString());
                    }
                }
            } catch (InvalidNameException e) {
                return names;
            }
        }
        return names;
    }

    static boolean matches(String pattern, String name) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = n.indexOf('.');
            return dot > 0 && n.substring(dot).equals(p.substring(1));
        }
        return p.equals(n);
    }
}
