package nl.govroam.server.cli.testauth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The Bouncy Castle TLS client inside the test client's EAP-TTLS: offers the chosen TLS versions, judges the
 * server certificate with a {@link ServerCertificateCheck} and, when the handshake completes, derives the MSK the
 * server must send as MS-MPPE keys: TLS 1.2 PRF label {@code ttls keying material} (RFC 5281 8), TLS 1.3 exporter
 * {@code EXPORTER_EAP_TLS_Key_Material} with the type code 21 as context (RFC 9427 2). MSK = the first 64 octets.
 */
final class TunnelTlsClient extends DefaultTlsClient {
    static final int TTLS_TYPE = 21;
    private static final String TLS12_LABEL = "ttls keying material";
    private static final String TLS13_LABEL = "EXPORTER_EAP_TLS_Key_Material";
    private static final int MSK_LENGTH = 64;
    private static final int KEY_MATERIAL_LENGTH = 128;

    private final ServerCertificateCheck check;
    private final ProtocolVersion[] versions;
    private String refusal;
    private byte[] msk;
    private String tlsVersion;

    TunnelTlsClient(ServerCertificateCheck check, ProtocolVersion[] versions) {
        super(new BcTlsCrypto(new SecureRandom()));
        this.check = check;
        this.versions = versions.clone();
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return versions.clone();
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                String why = check.refusal(chain(serverCertificate.getCertificate()));
                if (why != null) {
                    refusal = why;
                    throw new TlsFatalAlert(AlertDescription.bad_certificate);
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                return null;
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        boolean tls13 = TlsUtils.isTLSv13(context);
        byte[] material;
        if (tls13) {
            material = context.exportKeyingMaterial(TLS13_LABEL, new byte[] {TTLS_TYPE}, KEY_MATERIAL_LENGTH);
        } else {
            SecurityParameters sp = context.getSecurityParametersConnection();
            material = sp.isExtendedMasterSecret()
                    ? context.exportKeyingMaterial(TLS12_LABEL, null, KEY_MATERIAL_LENGTH)
                    : TlsUtils.PRF(sp, sp.getMasterSecret(), TLS12_LABEL, org.bouncycastle.util.Arrays.concatenate(
                            sp.getClientRandom(), sp.getServerRandom()), KEY_MATERIAL_LENGTH).extract();
        }
        msk = Arrays.copyOf(material, MSK_LENGTH);
        Arrays.fill(material, (byte) 0);
        tlsVersion = tls13 ? "TLSv1.3" : "TLSv1.2";
    }

    /** Why we refused the server certificate, or null. */
    String refusal() {
        return refusal;
    }

    boolean handshakeComplete() {
        return msk != null;
    }

    /** The MSK once the handshake is complete, else null; a copy. */
    byte[] msk() {
        return msk == null ? null : msk.clone();
    }

    /** {@code TLSv1.2} or {@code TLSv1.3} once the handshake is complete, else null. */
    String tlsVersion() {
        return tlsVersion;
    }

    private static List<X509Certificate> chain(Certificate certificate) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < certificate.getLength(); i++) {
                out.add((X509Certificate) factory.generateCertificate(
                        new ByteArrayInputStream(certificate.getCertificateAt(i).getEncoded())));
            }
        } catch (CertificateException e) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, e);
        }
        return out;
    }
}
