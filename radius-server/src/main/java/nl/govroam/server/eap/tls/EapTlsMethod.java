package nl.govroam.server.eap.tls;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import nl.govroam.server.eap.AccountCheck;
import nl.govroam.server.eap.EapType;
import nl.govroam.server.eap.MethodStep;

/**
 * EAP-TLS (RFC 5216; TLS 1.3 per RFC 9190). The client certificate is validated against the realm's CAs during the
 * handshake; then the identity it names (the first e-mail subject alternative name, else the common name) must be
 * an existing, enabled account. TLS 1.2 ends with our Finished, TLS 1.3 with the one-octet commitment message
 * (RFC 9190 2.5); the peer's acknowledgement then gets EAP-Success.
 */
public final class EapTlsMethod extends TunnelMethod {
    private final ClientCertificateValidator validator;
    private String identity;
    private MethodStep.Success pendingSuccess;

    public EapTlsMethod(TlsTunnel tunnel, ClientCertificateValidator validator) {
        super(tunnel);
        this.validator = validator;
    }

    @Override
    public int type() {
        return EapType.TLS;
    }

    @Override
    public String name() {
        return "EAP-TLS";
    }

    @Override
    public Optional<String> innerIdentity() {
        return Optional.ofNullable(identity);
    }

    @Override
    protected MethodStep established(TlsTunnel.Received received, AccountCheck accounts) throws IOException {
        if (pendingSuccess != null) {
            return pendingSuccess;
        }
        if (!received.justEstablished()) {
            return new MethodStep.Failure("eap-tls-protocol", "unexpected data after the handshake");
        }
        Optional<CachedAuthorization> resumed = tunnel.resumed();
        if (resumed.isPresent()) {
            // RFC 5216 2.1.2: the peer's Finished ends a resumed handshake; EAP-Success follows at once
            identity = resumed.get().identity();
            return new MethodStep.Pending(recheckResumed(resumed.get(), accounts));
        }
        X509Certificate leaf = validator.leaf();
        identity = leaf == null ? null : identityOf(leaf).orElse(null);
        if (identity == null) {
            return new MethodStep.Failure("certificate-without-identity", "the client certificate names no user "
                    + "(no e-mail subject alternative name or common name)");
        }
        return MethodStep.after(accounts.certificate(identity), verdict -> {
            if (!(verdict instanceof AccountCheck.Accepted accepted)) {
                return MethodStep.from(verdict);
            }
            pendingSuccess = new MethodStep.Success(msk(), accepted.account());
            if ("TLSv1.3".equals(tunnel.keys().tlsVersion())) {
                return sendInner(received.output(), new byte[] {0});
            }
            return new MethodStep.Continue(tunnel.send(received.output()));
        });
    }

    /** The first rfc822Name subject alternative name, else the subject's CN. */
    static Optional<String> identityOf(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    if (Integer.valueOf(1).equals(name.get(0)) && name.get(1) instanceof String mail && !mail.isBlank()) {
                        return Optional.of(mail);
                    }
                }
            }
        } catch (CertificateParsingException ignored) {
            // fall back to the subject
        }
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException ignored) {
            // no usable subject
        }
        return Optional.empty();
    }
}
