package nl.govroam.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsSigner;
import org.bouncycastle.tls.crypto.TlsStreamSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcX25519;
import org.bouncycastle.tls.crypto.impl.bc.BcX25519Domain;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenSSL binding against independent implementations: every signature it makes is verified by the JDK's own
 * providers, every X25519 secret it derives equals Bouncy Castle's for the same exchange. Runs on Java 22+ (the
 * binding's minimum); there, on a machine with libssl3, the binding must load.
 */
class NativeCryptoTest {
    private static final byte[] MESSAGE = "client random, server random, ECDHE parameters".getBytes(StandardCharsets.US_ASCII);
    private static NativeCrypto openssl;

    @BeforeAll
    static void load() {
        assumeTrue(Runtime.version().feature() >= 22, "the OpenSSL binding needs Java 22+");
        NativeCrypto.Availability availability = NativeCrypto.availability();
        assertTrue(availability.crypto().isPresent(), "OpenSSL did not load: " + availability.reason());
        openssl = availability.crypto().get();
        assertTrue(openssl.description().startsWith("OpenSSL 3"), openssl.description());
        assertTrue(availability.describe().contains("OpenSSL 3"), availability.describe());
    }

    private static KeyPair keys(String algorithm, Object parameter) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (parameter instanceof Integer bits) {
            generator.initialize(bits);
        } else {
            generator.initialize(new ECGenParameterSpec((String) parameter));
        }
        return generator.generateKeyPair();
    }

    private static byte[] sign(TlsSigner signer, SignatureAndHashAlgorithm algorithm) throws IOException {
        TlsStreamSigner stream = signer.getStreamSigner(algorithm);
        assertNotNull(stream, "a native signature for " + algorithm);
        stream.getOutputStream().write(MESSAGE, 0, 10);
        stream.getOutputStream().write(MESSAGE, 10, MESSAGE.length - 10);
        return stream.getSignature();
    }

    private static boolean verifies(Signature verifier, KeyPair keys, byte[] signature) throws Exception {
        verifier.initVerify(keys.getPublic());
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }

    @Test
    void rsaPkcs1AndPssSignaturesVerifyWithTheJdk() throws Exception {
        KeyPair rsa = keys("RSA", 2048);
        TlsSigner signer = openssl.signer(rsa.getPrivate());
        String[] names = {"SHA1", "SHA256", "SHA384", "SHA512"};
        short[] hashes = {HashAlgorithm.sha1, HashAlgorithm.sha256, HashAlgorithm.sha384, HashAlgorithm.sha512};
        for (int i = 0; i < hashes.length; i++) {
            byte[] signature = sign(signer, SignatureAndHashAlgorithm.getInstance(hashes[i], SignatureAlgorithm.rsa));
            assertEquals(256, signature.length);
            assertTrue(verifies(Signature.getInstance(names[i] + "withRSA"), rsa, signature), names[i] + "withRSA");
        }
        SignatureAndHashAlgorithm[] pss = {SignatureAndHashAlgorithm.rsa_pss_rsae_sha256,
                SignatureAndHashAlgorithm.rsa_pss_rsae_sha384, SignatureAndHashAlgorithm.rsa_pss_rsae_sha512};
        String[] digests = {"SHA-256", "SHA-384", "SHA-512"};
        int[] saltLengths = {32, 48, 64};
        for (int i = 0; i < pss.length; i++) {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(new PSSParameterSpec(digests[i], "MGF1", new MGF1ParameterSpec(digests[i]),
                    saltLengths[i], 1));
            assertTrue(verifies(verifier, rsa, sign(signer, pss[i])), "PSS with " + digests[i]);
        }
    }

    @Test
    void ecdsaSignaturesVerifyWithTheJdkAndDiffer() throws Exception {
        for (String curve : new String[] {"secp256r1", "secp384r1"}) {
            KeyPair ec = keys("EC", curve);
            TlsSigner signer = openssl.signer(ec.getPrivate());
            SignatureAndHashAlgorithm sha256 = SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256,
                    SignatureAlgorithm.ecdsa);
            byte[] first = sign(signer, sha256);
            assertTrue(verifies(Signature.getInstance("SHA256withECDSA"), ec, first), curve);
            byte[] again = sign(signer, sha256);
            assertTrue(verifies(Signature.getInstance("SHA256withECDSA"), ec, again), curve);
            assertTrue(!java.util.Arrays.equals(first, again), "a fresh random nonce per signature");
            byte[] sha384 = sign(signer, SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384,
                    SignatureAlgorithm.ecdsa));
            assertTrue(verifies(Signature.getInstance("SHA384withECDSA"), ec, sha384), curve + " with SHA-384");
        }
    }

    @Test
    void algorithmsThatDoNotFitTheKeyGetNoNativeSigner() throws Exception {
        TlsSigner rsa = openssl.signer(keys("RSA", 2048).getPrivate());
        TlsSigner ec = openssl.signer(keys("EC", "secp256r1").getPrivate());
        assertNull(rsa.getStreamSigner(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256,
                SignatureAlgorithm.ecdsa)));
        assertNull(rsa.getStreamSigner(SignatureAndHashAlgorithm.rsa_pss_pss_sha256), "PSS with a PSS-only key");
        assertNull(rsa.getStreamSigner(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.md5,
                SignatureAlgorithm.rsa)));
        assertNull(ec.getStreamSigner(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256,
                SignatureAlgorithm.rsa)));
        assertNull(ec.getStreamSigner(null), "TLS 1.0/1.1 signatures are not made natively");
        TlsFatalAlert raw = assertThrows(TlsFatalAlert.class, () -> ec.generateRawSignature(
                SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa), new byte[32]));
        assertEquals(AlertDescription.internal_error, raw.getAlertDescription());
    }

    @Test
    void serverSignerCheckRefusesAKeyThatIsNotTheCertificates() throws Exception {
        KeyPair ec = keys("EC", "secp256r1");
        KeyPair other = keys("EC", "secp256r1");
        assertNotNull(ServerSigner.checked(openssl, ec.getPrivate(), ec.getPublic()));
        IOException refused = assertThrows(IOException.class,
                () -> ServerSigner.checked(openssl, ec.getPrivate(), other.getPublic()));
        assertTrue(refused.getMessage().contains("does not verify"), refused.getMessage());
        KeyPair rsa = keys("RSA", 2048);
        assertNotNull(ServerSigner.checked(openssl, rsa.getPrivate(), rsa.getPublic()));
    }

    @Test
    void x25519SecretsEqualBouncyCastlesForTheSameExchange() throws Exception {
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        for (int i = 0; i < 20; i++) {
            TlsAgreement ours = openssl.x25519(crypto);
            TlsAgreement theirs = new BcX25519(crypto);
            byte[] ourPublic = ours.generateEphemeral();
            byte[] theirPublic = theirs.generateEphemeral();
            assertEquals(32, ourPublic.length);
            ours.receivePeerValue(theirPublic);
            theirs.receivePeerValue(ourPublic);
            assertArrayEquals(theirs.calculateSecret().extract(), ours.calculateSecret().extract());
        }
    }

    @Test
    void x25519RefusesSmallOrderAndMisSizedPeerKeys() throws Exception {
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        TlsAgreement zero = openssl.x25519(crypto);
        zero.generateEphemeral();
        zero.receivePeerValue(new byte[32]);
        TlsFatalAlert allZero = assertThrows(TlsFatalAlert.class, zero::calculateSecret);
        assertEquals(AlertDescription.handshake_failure, allZero.getAlertDescription());

        TlsAgreement shortKey = openssl.x25519(crypto);
        shortKey.generateEphemeral();
        TlsFatalAlert size = assertThrows(TlsFatalAlert.class, () -> shortKey.receivePeerValue(new byte[31]));
        assertEquals(AlertDescription.illegal_parameter, size.getAlertDescription());
    }

    @Test
    void theSwitchAndAnOlderJavaLeaveTheMathToBouncyCastleAndSayWhy() {
        NativeCrypto.Availability off = NativeCrypto.Loader.load("false", 25);
        assertTrue(off.crypto().isEmpty());
        assertEquals("EAP TLS signatures and X25519 by Bouncy Castle (Java): turned off with -Dgovroam.openssl=false",
                off.describe());
        NativeCrypto.Availability java21 = NativeCrypto.Loader.load("true", 21);
        assertTrue(java21.crypto().isEmpty());
        assertTrue(java21.reason().contains("Java 22 or newer (this is 21)"), java21.reason());
        assertTrue(NativeCrypto.Loader.load("true", Runtime.version().feature()).crypto().isPresent());
    }

    @Test
    void govroamCryptoHandsX25519ToTheNativeCodeOnlyWhenThereIsSome() {
        TlsECConfig x25519 = new TlsECConfig(NamedGroup.x25519);
        TlsAgreement nativeAgreement = new GovroamTlsCrypto(new SecureRandom(), Optional.of(openssl))
                .createECDomain(x25519).createECDH();
        assertTrue(nativeAgreement.getClass().getName().contains("openssl"), nativeAgreement.getClass().getName());
        assertInstanceOf(BcX25519Domain.class,
                new GovroamTlsCrypto(new SecureRandom(), Optional.empty()).createECDomain(x25519));
        assertTrue(!new GovroamTlsCrypto(new SecureRandom(), Optional.of(openssl))
                .createECDomain(new TlsECConfig(NamedGroup.secp256r1)).createECDH().getClass().getName()
                .contains("openssl"), "P-256 stays Bouncy Castle's");
    }
}
