package nl.govroam.server.crypto.openssl;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import nl.govroam.bench.StaticX25519;

/**
 * The load generator's X25519 key pair, kept in libcrypto for the life of the generator thread that made it: each
 * handshake then costs the generator one derive in OpenSSL (~25 µs) instead of one in Bouncy Castle's Java (~55 µs).
 * It lives in this package for the server's binding ({@link LibCrypto}); nothing in the server uses it.
 */
public final class GeneratorX25519 implements StaticX25519 {
    private final MemorySegment key;
    private final byte[] publicKey;

    private GeneratorX25519(MemorySegment key, byte[] publicKey) {
        this.key = key;
        this.publicKey = publicKey;
    }

    /** A fresh key pair; its private half never leaves OpenSSL. Called reflectively by the generator. */
    public static GeneratorX25519 create() throws IOException {
        MemorySegment key = LibCrypto.generateX25519();
        return new GeneratorX25519(key, LibCrypto.rawPublicKey(key));
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public byte[] agree(byte[] peerPublic) throws IOException {
        return LibCrypto.deriveX25519(key, peerPublic);
    }
}
