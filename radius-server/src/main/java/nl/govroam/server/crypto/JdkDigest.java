package nl.govroam.server.crypto;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.util.Memoable;

/**
 * A JDK {@link MessageDigest} in Bouncy Castle's {@link ExtendedDigest} shape, for the TLS handshake hash, HMAC and
 * PRF. The JDK's SHA-1/SHA-2 use the CPU's SHA instructions where it has them (HotSpot intrinsics): SHA-256 over a
 * 4 KB buffer takes ~2 µs there against ~15 µs in Bouncy Castle's Java code, an HMAC over a short input ~0.3 vs
 * ~1.3 µs, and a TLS 1.2 handshake runs about twenty of them plus its transcript. {@link Memoable} lets HMAC keep
 * its padded-key states instead of re-hashing them (the clone of a JDK digest copies its state).
 */
final class JdkDigest implements ExtendedDigest, Memoable {
    private final String name;
    private final int size;
    private final int blockSize;
    private MessageDigest digest;

    private JdkDigest(String name, int size, int blockSize, MessageDigest digest) {
        this.name = name;
        this.size = size;
        this.blockSize = blockSize;
        this.digest = digest;
    }

    /** A fresh digest; {@code name} is a JDK algorithm name such as {@code SHA-256}. */
    static JdkDigest of(String name, int size, int blockSize) {
        try {
            return new JdkDigest(name, size, blockSize, MessageDigest.getInstance(name));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every JDK", e);
        }
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + digest.getAlgorithm() + " cannot be cloned", e);
        }
    }

    @Override
    public String getAlgorithmName() {
        return name;
    }

    @Override
    public int getDigestSize() {
        return size;
    }

    @Override
    public int getByteLength() {
        return blockSize;
    }

    @Override
    public void update(byte in) {
        digest.update(in);
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        digest.update(in, offset, length);
    }

    @Override
    public int doFinal(byte[] out, int offset) {
        try {
            return digest.digest(out, offset, size);
        } catch (DigestException e) {
            throw new IllegalArgumentException("no room for a " + size + "-byte " + name + " digest", e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }

    @Override
    public JdkDigest copy() {
        return new JdkDigest(name, size, blockSize, clone(digest));
    }

    @Override
    public void reset(Memoable other) {
        digest = clone(((JdkDigest) other).digest);
    }
}
