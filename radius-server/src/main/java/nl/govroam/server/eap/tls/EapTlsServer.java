package nl.govroam.server.eap.tls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.DefaultTlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.SessionParameters;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSession;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;

/**
 * The Bouncy Castle TLS server of one EAP conversation: offers TLS 1.2 and/or 1.3 with modern suites that fit the
 * key, picks the signature the key makes (TLS 1.3 included), asks for a client certificate for EAP-TLS and hands it
 * to our PKIX check, and exports the EAP keys when the handshake completes. With resumption on, a TLS 1.2 full
 * handshake gets a session ID, and a client offering the ID of a cached session of the same method and directory
 * resumes it (Bouncy Castle 1.84's server does no TLS 1.3 resumption: it sends no tickets).
 */
final class EapTlsServer extends DefaultTlsServer {
    private static final int[] TLS13_SUITES = {
            CipherSuite.TLS_AES_128_GCM_SHA256, CipherSuite.TLS_AES_256_GCM_SHA384,
            CipherSuite.TLS_CHACHA20_POLY1305_SHA256};
    private static final int[] EC_SUITES = {
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256};
    private static final int[] RSA_SUITES = {
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256};

    /** Checks the client's chain; returns a reason to refuse it, or null to accept. */
    @FunctionalInterface
    interface ClientCertificateCheck {
        String refusal(Certificate chain);
    }

    private final TlsServerSettings settings;
    private final int eapType;
    private final ClientCertificateCheck clientCheck;
    private final ResumptionScope resumption;
    private EapKeys keys;
    private String clientRefusal;
    private SessionCache.Entry offered;
    private SessionCache.Entry resumed;
    private TlsSession session;
    private boolean clientOffersExtendedMasterSecret;

    /**
     * @param clientCheck for EAP-TLS: a client certificate is required and checked with it; null for PEAP and TTLS
     */
    EapTlsServer(TlsServerSettings settings, int eapType, ClientCertificateCheck clientCheck,
                 ResumptionScope resumption) {
        super(settings.crypto());
        this.settings = settings;
        this.eapType = eapType;
        this.clientCheck = clientCheck;
        this.resumption = resumption;
    }

    /** The cached session this handshake resumed; null after a full handshake. */
    SessionCache.Entry resumed() {
        return resumed;
    }

    /** The session, once the handshake is complete and if it may be resumed later; else null. */
    TlsSession session() {
        return session;
    }

    /** The keys, once the handshake is complete; else null. */
    EapKeys keys() {
        return keys;
    }

    /** Why the client certificate was refused, or null. */
    String clientRefusal() {
        return clientRefusal;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return settings.versions();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        int[] own = settings.keyType() == TlsServerSettings.KeyType.RSA ? RSA_SUITES : EC_SUITES;
        int[] all = new int[TLS13_SUITES.length + own.length];
        System.arraycopy(TLS13_SUITES, 0, all, 0, TLS13_SUITES.length);
        System.arraycopy(own, 0, all, TLS13_SUITES.length, own.length);
        return TlsUtils.getSupportedCipherSuites(getCrypto(), all);
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        if (TlsUtils.isTLSv13(context)) {
            TlsCertificate[] chain = settings.chain();
            CertificateEntry[] entries = new CertificateEntry[chain.length];
            for (int i = 0; i < chain.length; i++) {
                entries[i] = new CertificateEntry(chain[i], null);
            }
            return signer(new Certificate(TlsUtils.EMPTY_BYTES, entries), select13());
        }
        return super.getCredentials();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        if (settings.keyType() == TlsServerSettings.KeyType.RSA) {
            throw new TlsFatalAlert(AlertDescription.internal_error);
        }
        SignatureAndHashAlgorithm algorithm = select12(SignatureAlgorithm.ecdsa);
        if (settings.nativeSigner().isPresent()) {
            return signer(new Certificate(settings.chain()), algorithm);
        }
        if (settings.privateKey() instanceof ECPrivateKeyParameters ec) {
            return new DefaultTlsCredentialedSigner(new TlsCryptoParameters(context),
                    new RandomNonceEcdsaSigner(ec, settings.crypto().getSecureRandom()), new Certificate(settings.chain()),
                    algorithm);
        }
        return signer(new Certificate(settings.chain()), algorithm);
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        if (settings.keyType() != TlsServerSettings.KeyType.RSA) {
            throw new TlsFatalAlert(AlertDescription.internal_error);
        }
        return signer(new Certificate(settings.chain()), select12(SignatureAlgorithm.rsa));
    }

    private TlsCredentialedSigner signer(Certificate certificate, SignatureAndHashAlgorithm algorithm) {
        if (settings.nativeSigner().isPresent()) {
            return new DefaultTlsCredentialedSigner(new TlsCryptoParameters(context), settings.nativeSigner().get(),
                    certificate, algorithm);
        }
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), settings.crypto(),
                settings.privateKey(), certificate, algorithm);
    }

    private SignatureAndHashAlgorithm select12(short signature) throws IOException {
        Vector<?> offered = context.getSecurityParametersHandshake().getClientSigAlgs();
        if (offered == null) {
            return SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha1, signature);
        }
        for (short hash : new short[] {HashAlgorithm.sha256, HashAlgorithm.sha384, HashAlgorithm.sha512}) {
            SignatureAndHashAlgorithm wanted = SignatureAndHashAlgorithm.getInstance(hash, signature);
            if (offered.contains(wanted)) {
                return wanted;
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no signature algorithm in common");
    }

    private SignatureAndHashAlgorithm select13() throws IOException {
        SignatureAndHashAlgorithm wanted = switch (settings.keyType()) {
            case EC_P256 -> SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
            case EC_P384 -> SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa);
            case RSA -> SignatureAndHashAlgorithm.rsa_pss_rsae_sha256;
        };
        Vector<?> offered = context.getSecurityParametersHandshake().getClientSigAlgs();
        if (offered != null && !offered.contains(wanted)) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "client does not offer " + wanted);
        }
        return wanted;
    }

    @Override
    public CertificateRequest getCertificateRequest() throws IOException {
        if (clientCheck == null) {
            return null;
        }
        Vector<?> algorithms = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
        if (TlsUtils.isTLSv13(context)) {
            return new CertificateRequest(TlsUtils.EMPTY_BYTES, algorithms, null, null);
        }
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                algorithms, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCheck == null) {
            return;
        }
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            clientRefusal = "the client sent no certificate";
            throw new TlsFatalAlert(TlsUtils.isTLSv13(context) ? AlertDescription.certificate_required
                    : AlertDescription.handshake_failure);
        }
        String refusal = clientCheck.refusal(clientCertificate);
        if (refusal != null) {
            clientRefusal = refusal;
            throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // Bouncy Castle's signature
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        clientOffersExtendedMasterSecret = TlsExtensionsUtils.hasExtendedMasterSecretExtension(clientExtensions);
    }

    /**
     * TLS 1.2 only (Bouncy Castle asks for no session ID in TLS 1.3): an ID makes the session resumable. Only with
     * the extended master secret (RFC 7627 5.3): a legacy client gets no ID and always does a full handshake.
     */
    @Override
    public byte[] getNewSessionID() {
        return clientOffersExtendedMasterSecret ? resumption.cache().map(SessionCache::newSessionId).orElse(null)
                : null;
    }

    /**
     * A client offers a session ID: resume only a cached session of a successful authentication with the same method
     * and directory; for EAP-TLS its client certificate must still pass our check (expiry, the realm's CAs).
     */
    @Override
    public TlsSession getSessionToResume(byte[] sessionId) {
        if (!clientOffersExtendedMasterSecret) {
            return null;
        }
        offered = resumption.cache().flatMap(c -> c.find(sessionId))
                .filter(e -> resumption.admits(e.authorization(), eapType))
                .filter(this::clientCertificateStillValid)
                .orElse(null);
        return offered == null ? null : offered.session();
    }

    private boolean clientCertificateStillValid(SessionCache.Entry entry) {
        if (clientCheck == null) {
            return true;
        }
        // no clear() here: the exported copy shares the session's master secret
        SessionParameters parameters = entry.session().exportSessionParameters();
        Certificate peer = parameters == null ? null : parameters.getPeerCertificate();
        return peer != null && !peer.isEmpty() && clientCheck.refusal(peer) == null;
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = KeyExport.export(context, eapType);
        if (resumption.cache().isEmpty()) {
            return;
        }
        if (context.getSecurityParametersConnection().isResumedSession() && offered != null) {
            resumed = offered;
            resumption.cache().get().countResumed();
        } else if (!TlsUtils.isTLSv13(context) && context.getSecurityParametersConnection().isExtendedMasterSecret()) {
            session = context.getResumableSession();
        }
        offered = null;
    }
}
