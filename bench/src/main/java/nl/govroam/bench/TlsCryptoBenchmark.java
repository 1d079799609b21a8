package nl.govroam.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.govroam.server.crypto.GovroamTlsCrypto;
import nl.govroam.server.crypto.NativeCrypto;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.crypto.CryptoHashAlgorithm;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsHMAC;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.TlsStreamSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcX25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The TLS math of one EAP full handshake on the server, each way govroam can do it: the ServerKeyExchange
 * signature (RSA-2048 PKCS#1 v1.5 or ECDSA P-256, SHA-256, over a 170-octet message), one X25519 key exchange
 * (generate, derive), and an HMAC-SHA-256 of the PRF's size. {@code openssl} is what the server uses on Java 22+
 * with libcrypto ({@link NativeCrypto}, JDK digests); {@code bouncycastle} is Bouncy Castle's Java code, the
 * fallback. Without libcrypto the {@code openssl} rows fail at set-up (nothing to measure).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class TlsCryptoBenchmark {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Param({"openssl", "bouncycastle"})
    public String impl;

    @Param({"rsa2048", "ecp256"})
    public String key;

    private final byte[] message = new byte[170];
    private final byte[] prfInput = new byte[77];
    private TlsSigner nativeSigner;
    private AsymmetricKeyParameter bcKey;
    private BcTlsCrypto crypto;
    private NativeCrypto openssl;
    private byte[] peerPublic;

    @Setup
    public void setUp() throws Exception {
        RANDOM.nextBytes(message);
        RANDOM.nextBytes(prfInput);
        KeyPairGenerator generator = KeyPairGenerator.getInstance(key.equals("rsa2048") ? "RSA" : "EC");
        if (key.equals("rsa2048")) {
            generator.initialize(2048);
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        KeyPair keys = generator.generateKeyPair();
        bcKey = PrivateKeyFactory.createKey(keys.getPrivate().getEncoded());
        if (impl.equals("openssl")) {
            openssl = NativeCrypto.availability().crypto().orElseThrow(() -> new IllegalStateException(
                    "no OpenSSL: " + NativeCrypto.availability().reason()));
            nativeSigner = openssl.signer(keys.getPrivate());
            crypto = new GovroamTlsCrypto(RANDOM, Optional.of(openssl));
        } else {
            crypto = new BcTlsCrypto(RANDOM);
        }
        TlsAgreement peer = new BcX25519(new BcTlsCrypto(RANDOM));
        peerPublic = peer.generateEphemeral();
    }

    @Benchmark
    public byte[] sign() throws Exception {
        if (nativeSigner != null) {
            short signature = key.equals("rsa2048") ? SignatureAlgorithm.rsa : SignatureAlgorithm.ecdsa;
            TlsStreamSigner stream = nativeSigner.getStreamSigner(
                    SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, signature));
            stream.getOutputStream().write(message);
            return stream.getSignature();
        }
        if (key.equals("rsa2048")) {
            RSADigestSigner signer = new RSADigestSigner(new SHA256Digest());
            signer.init(true, new ParametersWithRandom(bcKey, RANDOM));
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        }
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, 0, message.length);
        byte[] hash = new byte[32];
        digest.doFinal(hash, 0);
        ECDSASigner signer = new ECDSASigner();
        signer.init(true, new ParametersWithRandom(bcKey, RANDOM));
        BigInteger[] rs = signer.generateSignature(hash);
        return rs[0].toByteArray();
    }

    @Benchmark
    public byte[] x25519() throws IOException {
        TlsAgreement agreement = openssl != null ? openssl.x25519(crypto) : new BcX25519(crypto);
        agreement.generateEphemeral();
        agreement.receivePeerValue(peerPublic);
        return agreement.calculateSecret().extract();
    }

    @Benchmark
    public byte[] hmacSha256() {
        TlsHMAC hmac = crypto.createHMACForHash(CryptoHashAlgorithm.sha256);
        hmac.setKey(message, 0, 48);
        hmac.update(prfInput, 0, prfInput.length);
        return hmac.calculateMAC();
    }
}
