package nl.govroam.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.DigitallySigned;
import org.bouncycastle.tls.crypto.Tls13Verifier;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.TlsStreamVerifier;
import org.bouncycastle.tls.crypto.TlsVerifier;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import nl.govroam.server.crypto.GovroamTlsCrypto;

/**
 * The EAP load mode's client crypto: Bouncy Castle's, except that the server's handshake signature is not verified.
 * The server does the same work either way; verifying an ECDSA signature in Java costs the client more than a
 * server's whole handshake, and on a 2-core machine that made the generator the bottleneck, which a load generator
 * must not be. The certificate itself is not checked either (as before). Never use this outside the benchmark.
 * For the same reason the client does only what a handshake needs of it and no more: it parses each certificate
 * encoding once (the servers send the same chain every time), and it keeps one X25519 key pair per generator thread,
 * so a handshake costs it one X25519 operation instead of two ({@link StaticX25519}: in OpenSSL where it can).
 * Neither changes anything the server does: the server still generates its own ephemeral key and derives the
 * secret in every handshake. SHA-1/SHA-2 come from the JDK ({@link GovroamTlsCrypto}), like the server's.
 */
final class UnverifyingCrypto extends GovroamTlsCrypto {
    private static final TlsVerifier ACCEPTS = new TlsVerifier() {
        @Override
        public TlsStreamVerifier getStreamVerifier(DigitallySigned digitallySigned) {
            return null;
        }

        @Override
        public boolean verifyRawSignature(DigitallySigned digitallySigned, byte[] hash) {
            return true;
        }
    };
    private static final Tls13Verifier ACCEPTS_13 = new Tls13Verifier() {
        @Override
        public OutputStream getOutputStream() {
            return OutputStream.nullOutputStream();
        }

        @Override
        public boolean verifySignature(byte[] signature) {
            return true;
        }
    };

    private static final int MAX_CERTIFICATES = 16;
    /** The key-exchange groups servers chose since the last {@link #groupsChosen(boolean)} with reset. */
    private static final java.util.Set<String> GROUPS_CHOSEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The key-exchange groups servers chose (names, sorted); {@code reset} starts a new count. */
    static java.util.SortedSet<String> groupsChosen(boolean reset) {
        java.util.SortedSet<String> chosen = new java.util.TreeSet<>(GROUPS_CHOSEN);
        if (reset) {
            GROUPS_CHOSEN.clear();
        }
        return chosen;
    }

    private final Map<ByteBuffer, TlsCertificate> certificates = new HashMap<>();
    private final StaticX25519 x25519;

    /** One per generator thread (not thread-safe: the certificate cache and the key pair are the thread's). */
    UnverifyingCrypto(SecureRandom random) {
        super(random, Optional.empty());
        x25519 = StaticX25519.create(random);
    }

    @Override
    public TlsECDomain createECDomain(TlsECConfig ecConfig) {
        GROUPS_CHOSEN.add(NamedGroup.getName(ecConfig.getNamedGroup()));
        if (ecConfig.getNamedGroup() == NamedGroup.x25519) {
            return ThreadKeyAgreement::new;
        }
        return super.createECDomain(ecConfig);
    }

    /** X25519 with the thread's key pair: the public key is sent, the secret derived with the server's. */
    private final class ThreadKeyAgreement implements TlsAgreement {
        private final byte[] peer = new byte[X25519.POINT_SIZE];

        @Override
        public byte[] generateEphemeral() {
            return x25519.publicKey();
        }

        @Override
        public void receivePeerValue(byte[] peerValue) throws IOException {
            if (peerValue == null || peerValue.length != X25519.POINT_SIZE) {
                throw new TlsFatalAlert(AlertDescription.illegal_parameter);
            }
            System.arraycopy(peerValue, 0, peer, 0, peer.length);
        }

        @Override
        public TlsSecret calculateSecret() throws IOException {
            byte[] secret;
            try {
                secret = x25519.agree(peer);
            } catch (IOException e) {
                throw new TlsFatalAlert(AlertDescription.handshake_failure, e);
            }
            TlsSecret adopted = createSecret(secret);
            Arrays.fill(secret, (byte) 0);
            return adopted;
        }
    }

    @Override
    public TlsCertificate createCertificate(short type, byte[] encoding) throws IOException {
        ByteBuffer key = ByteBuffer.wrap(encoding.clone());
        TlsCertificate known = certificates.get(key);
        if (known != null) {
            return known;
        }
        TlsCertificate parsed = unverifying(super.createCertificate(type, encoding));
        if (certificates.size() < MAX_CERTIFICATES) {
            certificates.put(key, parsed);
        }
        return parsed;
    }

    private TlsCertificate unverifying(TlsCertificate parsed) {
        if (!(parsed instanceof BcTlsCertificate bc)) {
            return parsed;
        }
        return new BcTlsCertificate(this, bc.getCertificate()) {
            @Override
            public TlsVerifier createVerifier(short signatureAlgorithm) {
                return ACCEPTS;
            }

            @Override
            public Tls13Verifier createVerifier(int signatureScheme) {
                return ACCEPTS_13;
            }
        };
    }
}
