package nl.govroam.server.eap.tls;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsUtils;
import nl.govroam.server.eap.EapType;

/**
 * Key derivation per method and TLS version.
 * <ul>
 * <li>TLS 1.2: PRF(master secret, label, client random + server random, 128) with label
 * {@code client EAP encryption} for EAP-TLS and PEAP (RFC 5216 2.3) and {@code ttls keying material} for TTLS
 * (RFC 5281 8).</li>
 * <li>TLS 1.3: TLS-Exporter("EXPORTER_EAP_TLS_Key_Material", Type-Code, 128) (RFC 9190 2.3, RFC 9427 2).</li>
 * </ul>
 * MSK = the first 64 octets. Must run inside {@code notifyHandshakeComplete}.
 */
final class KeyExport {
    static final String TLS12_EAP_LABEL = "client EAP encryption";
    static final String TLS12_TTLS_LABEL = "ttls keying material";
    static final String TLS13_LABEL = "EXPORTER_EAP_TLS_Key_Material";
    static final String TTLS_CHALLENGE_LABEL = "ttls challenge";
    static final int KEY_MATERIAL_LENGTH = 128;
    static final int MSK_LENGTH = 64;
    static final int TTLS_CHALLENGE_LENGTH = 17;

    private KeyExport() {
    }

    static EapKeys export(TlsContext context, int eapType) throws IOException {
        boolean tls13 = TlsUtils.isTLSv13(context);
        byte[] material = tls13
                ? context.exportKeyingMaterial(TLS13_LABEL, new byte[] {(byte) eapType}, KEY_MATERIAL_LENGTH)
                : export12(context, eapType == EapType.TTLS ? TLS12_TTLS_LABEL : TLS12_EAP_LABEL, KEY_MATERIAL_LENGTH);
        byte[] challenge = eapType == EapType.TTLS
                ? (tls13 ? context.exportKeyingMaterial(TTLS_CHALLENGE_LABEL, null, TTLS_CHALLENGE_LENGTH)
                        : export12(context, TTLS_CHALLENGE_LABEL, TTLS_CHALLENGE_LENGTH))
                : new byte[0];
        byte[] msk = Arrays.copyOf(material, MSK_LENGTH);
        Arrays.fill(material, (byte) 0);
        return new EapKeys(msk, challenge, tls13 ? "TLSv1.3" : "TLSv1.2");
    }

    /**
     * RFC 5705 exporter without context. Bouncy Castle refuses it without extended master secret (RFC 7627), so
     * then the PRF is applied to the master secret directly, which is what RFC 5216 defines anyway.
     */
    private static byte[] export12(TlsContext context, String label, int length) {
        SecurityParameters sp = context.getSecurityParametersConnection();
        if (sp.isExtendedMasterSecret()) {
            return context.exportKeyingMaterial(label, null, length);
        }
        byte[] seed = org.bouncycastle.util.Arrays.concatenate(sp.getClientRandom(), sp.getServerRandom());
        return TlsUtils.PRF(sp, sp.getMasterSecret(), label, seed, length).extract();
    }
}
