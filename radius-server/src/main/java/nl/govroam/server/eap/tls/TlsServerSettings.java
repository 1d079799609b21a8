package nl.govroam.server.eap.tls;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.govroam.server.certs.CertifiedKey;
import nl.govroam.server.config.EapConfig;
import nl.govroam.server.crypto.GovroamTlsCrypto;
import nl.govroam.server.crypto.NativeCrypto;
import nl.govroam.server.crypto.ServerSigner;

/**
 * What every EAP TLS session of one configuration shares: the crypto provider, the server's key and chain in Bouncy
 * Castle's form, the key type (which decides the cipher suites), the TLS versions, and the native (OpenSSL) signer
 * when there is one. Immutable, thread-safe.
 */
public final class TlsServerSettings {
    private static final Logger LOG = LoggerFactory.getLogger(TlsServerSettings.class);

    /** The signature the server key makes. */
    enum KeyType { EC_P256, EC_P384, RSA }

    private final BcTlsCrypto crypto;
    private final AsymmetricKeyParameter privateKey;
    private final List<TlsCertificate> chain;
    private final KeyType keyType;
    private final ProtocolVersion[] versions;
    private final Optional<TlsSigner> nativeSigner;

    private TlsServerSettings(BcTlsCrypto crypto, AsymmetricKeyParameter privateKey, List<TlsCertificate> chain,
                              KeyType keyType, ProtocolVersion[] versions, Optional<TlsSigner> nativeSigner) {
        this.crypto = crypto;
        this.nativeSigner = nativeSigner;
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
        this.keyType = keyType;
        this.versions = versions;
    }

    /**
     * Prepares the settings.
     *
     * @throws IOException when the key is of a type EAP TLS cannot use here (EC P-256/P-384 and RSA are supported)
     */
    public static TlsServerSettings of(CertifiedKey serverKey, EapConfig.TlsVersion min, EapConfig.TlsVersion max)
            throws IOException {
        return of(serverKey, min, max, NativeCrypto.availability());
    }

    /**
     * Prepares the settings with the given native crypto (tests run both ways).
     *
     * @throws IOException when the key is of a type EAP TLS cannot use here
     */
    public static TlsServerSettings of(CertifiedKey serverKey, EapConfig.TlsVersion min, EapConfig.TlsVersion max,
                                       NativeCrypto.Availability available) throws IOException {
        BcTlsCrypto crypto = new GovroamTlsCrypto(new SecureRandom(), available.crypto());
        List<TlsCertificate> chain = new ArrayList<>();
        for (X509Certificate c : serverKey.chain()) {
            try {
                chain.add(new EncodedCertificate(crypto, c.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IOException("server certificate cannot be encoded: " + e.getMessage(), e);
            }
        }
        KeyType type = switch (serverKey.certificate().getPublicKey()) {
            case ECPublicKey ec when ec.getParams().getCurve().getField().getFieldSize() == 256 -> KeyType.EC_P256;
            case ECPublicKey ec when ec.getParams().getCurve().getField().getFieldSize() == 384 -> KeyType.EC_P384;
            case RSAPublicKey rsa -> KeyType.RSA;
            default -> throw new IOException("server key type " + serverKey.certificate().getPublicKey().getAlgorithm()
                    + " is not supported for EAP; use EC P-256, P-384 or RSA");
        };
        AsymmetricKeyParameter key = PrivateKeyFactory.createKey(serverKey.key().getEncoded());
        ProtocolVersion low = min == EapConfig.TlsVersion.TLS_1_3 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
        ProtocolVersion high = max == EapConfig.TlsVersion.TLS_1_3 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
        Optional<TlsSigner> nativeSigner = Optional.empty();
        if (available.crypto().isPresent()) {
            try {
                nativeSigner = Optional.of(ServerSigner.checked(available.crypto().get(), serverKey.key(),
                        serverKey.certificate().getPublicKey()));
            } catch (IOException e) {
                LOG.warn("EAP TLS: the OpenSSL signer failed its check ({}); Bouncy Castle signs instead",
                        e.getMessage());
            }
        }
        if (available.crypto().isPresent() && nativeSigner.isEmpty()) {
            LOG.info("EAP TLS X25519 by {} (libcrypto), signatures by Bouncy Castle (Java)",
                    available.crypto().get().description());
        } else {
            LOG.info(available.describe());
        }
        return new TlsServerSettings(crypto, key, chain, type, high.downTo(low), nativeSigner);
    }

    /**
     * A certificate of the server's chain that keeps its DER encoding: Bouncy Castle's re-encodes its ASN.1
     * structure on every {@code getEncoded()}, which the Certificate message calls in every full handshake (3% of a
     * handshake's CPU for a two-certificate chain).
     */
    private static final class EncodedCertificate extends BcTlsCertificate {
        private final byte[] encoding;

        EncodedCertificate(BcTlsCrypto crypto, byte[] encoding) throws IOException {
            super(crypto, encoding);
            this.encoding = encoding.clone();
        }

        @Override
        public byte[] getEncoded() {
            return encoding.clone();
        }
    }

    /** The checked OpenSSL signer for the server key, when native crypto is in use. */
    Optional<TlsSigner> nativeSigner() {
        return nativeSigner;
    }

    BcTlsCrypto crypto() {
        return crypto;
    }

    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    TlsCertificate[] chain() {
        return chain.toArray(TlsCertificate[]::new);
    }

    KeyType keyType() {
        return keyType;
    }

    ProtocolVersion[] versions() {
        return versions.clone();
    }
}
