package nl.govroam.bench;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import nl.govroam.server.crypto.NativeCrypto;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * One X25519 key pair that a generator thread uses for every handshake (the server still makes a fresh one each
 * time, so its work is unchanged): in OpenSSL where the server's binding is available (Java 22+, libcrypto), since
 * there the derive costs the generator less than half of Bouncy Castle's; else in Bouncy Castle.
 */
public interface StaticX25519 {
    /** The raw public key to send (32 octets). */
    byte[] publicKey();

    /** The shared secret with the peer's raw public key; fails on a small-order point (an all-zero secret). */
    byte[] agree(byte[] peerPublic) throws IOException;

    /** The fastest available for this thread. */
    static StaticX25519 create(SecureRandom random) {
        if (NativeCrypto.availability().crypto().isPresent()) {
            try {
                return (StaticX25519) Class.forName("nl.govroam.server.crypto.openssl.GeneratorX25519")
                        .getMethod("create").invoke(null);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                System.err.println("eap: X25519 in Bouncy Castle: " + e);
            }
        }
        return new InJava(random);
    }

    /** Bouncy Castle's X25519. */
    final class InJava implements StaticX25519 {
        private final byte[] privateKey = new byte[X25519.SCALAR_SIZE];
        private final byte[] publicKey = new byte[X25519.POINT_SIZE];

        InJava(SecureRandom random) {
            X25519.generatePrivateKey(random, privateKey);
            X25519.generatePublicKey(privateKey, 0, publicKey, 0);
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public byte[] agree(byte[] peerPublic) throws IOException {
            byte[] secret = new byte[X25519.POINT_SIZE];
            if (!X25519.calculateAgreement(privateKey, 0, peerPublic, 0, secret, 0)) {
                Arrays.fill(secret, (byte) 0);
                throw new IOException("X25519: small-order peer point");
            }
            return secret;
        }
    }
}
