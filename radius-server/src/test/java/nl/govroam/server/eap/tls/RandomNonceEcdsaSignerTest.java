package nl.govroam.server.eap.tls;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.junit.jupiter.api.Test;

class RandomNonceEcdsaSignerTest {

    @Test
    void signaturesVerifyWithThePublicKeyAndUseAFreshNonceEachTime() throws Exception {
        SecureRandom random = new SecureRandom();
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(
                new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH()), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        RandomNonceEcdsaSigner signer = new RandomNonceEcdsaSigner((ECPrivateKeyParameters) pair.getPrivate(), random);
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        SignatureAndHashAlgorithm algorithm = SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256,
                SignatureAlgorithm.ecdsa);

        byte[] first = signer.generateRawSignature(algorithm, hash);
        byte[] second = signer.generateRawSignature(algorithm, hash);

        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, pair.getPublic());
        for (byte[] der : new byte[][] {first, second}) {
            ASN1Sequence rs = ASN1Sequence.getInstance(der);
            BigInteger r = ASN1Integer.getInstance(rs.getObjectAt(0)).getValue();
            BigInteger s = ASN1Integer.getInstance(rs.getObjectAt(1)).getValue();
            assertTrue(verifier.verifySignature(hash, r, s));
        }
        assertFalse(Arrays.equals(first, second), "a random nonce gives a different signature each time");
        hash[0] ^= 1;
        ASN1Sequence rs = ASN1Sequence.getInstance(first);
        assertFalse(verifier.verifySignature(hash, ASN1Integer.getInstance(rs.getObjectAt(0)).getValue(),
                ASN1Integer.getInstance(rs.getObjectAt(1)).getValue()));
    }
}
