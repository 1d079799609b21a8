package nl.govroam.server.demo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A message digest that is safe to share between threads: each thread gets its own instance. UnboundID's
 * {@code SaltedMessageDigestInMemoryPasswordEncoder} keeps the one digest it is given and the in-memory server
 * checks binds concurrently, so a plain {@link MessageDigest} would mix two binds' input and reject a right password.
 */
final class PerThreadMessageDigest extends MessageDigest {

    private final ThreadLocal<MessageDigest> digests;

    PerThreadMessageDigest(String algorithm) {
        super(algorithm);
        newDigest(algorithm);
        this.digests = ThreadLocal.withInitial(() -> newDigest(algorithm));
    }

    @Override
    protected void engineUpdate(byte input) {
        digests.get().update(input);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        digests.get().update(input, offset, length);
    }

    @Override
    protected byte[] engineDigest() {
        return digests.get().digest();
    }

    @Override
    protected void engineReset() {
        digests.get().reset();
    }

    @Override
    protected int engineGetDigestLength() {
        return digests.get().getDigestLength();
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a required JDK algorithm", e);
        }
    }
}
