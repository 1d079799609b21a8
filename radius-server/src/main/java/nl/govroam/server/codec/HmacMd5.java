package nl.govroam.server.codec;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * HMAC-MD5 (RFC 2104) for the Message-Authenticator (RFC 3579 3.2), from two MD5 states prepared once per key and
 * thread: the inner state has absorbed {@code key XOR ipad}, the outer {@code key XOR opad}. Each use clones them, so
 * it hashes only the message and the inner digest, not the two pad blocks and not the key schedule ({@code Mac.init}
 * was a visible share of a proxied request, which needs four). Shared secrets are few (one per client and peer), so
 * a per-thread map by secret holds them all.
 */
final class HmacMd5 {
    private static final int BLOCK = 64;
    private static final int CACHED_KEYS = 1024;
    private static final ThreadLocal<KeyCache> KEYS = ThreadLocal.withInitial(KeyCache::new);

    private final MessageDigest inner;
    private final MessageDigest outer;

    private HmacMd5(MessageDigest inner, MessageDigest outer) {
        this.inner = inner;
        this.outer = outer;
    }

    /** A fresh HMAC-MD5 keyed with {@code key}. */
    static HmacMd5 keyed(byte[] key) {
        Pads pads = KEYS.get().pads(key);
        return new HmacMd5(copy(pads.inner), copy(pads.outer));
    }

    void update(byte[] data) {
        inner.update(data);
    }

    void update(byte[] data, int offset, int length) {
        inner.update(data, offset, length);
    }

    byte[] doFinal() {
        outer.update(inner.digest());
        return outer.digest();
    }

    byte[] doFinal(byte[] data) {
        inner.update(data);
        return doFinal();
    }

    private static MessageDigest copy(MessageDigest prepared) {
        try {
            return (MessageDigest) prepared.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 is cloneable", e);
        }
    }

    private record Pads(MessageDigest inner, MessageDigest outer) {
        static Pads of(byte[] key) {
            byte[] k = key.length > BLOCK ? Md5Instances.md5().digest(key) : key;
            byte[] ipad = new byte[BLOCK];
            byte[] opad = new byte[BLOCK];
            for (int i = 0; i < BLOCK; i++) {
                byte b = i < k.length ? k[i] : 0;
                ipad[i] = (byte) (b ^ 0x36);
                opad[i] = (byte) (b ^ 0x5c);
            }
            MessageDigest inner = Md5Instances.md5();
            inner.update(ipad);
            MessageDigest outer = Md5Instances.md5();
            outer.update(opad);
            Arrays.fill(ipad, (byte) 0);
            Arrays.fill(opad, (byte) 0);
            return new Pads(inner, outer);
        }
    }

    /** The pads of the keys this thread used; emptied when it holds more keys than any real config has. */
    private static final class KeyCache {
        private final java.util.HashMap<java.nio.ByteBuffer, Pads> pads = new java.util.HashMap<>();

        Pads pads(byte[] key) {
            Pads known = pads.get(java.nio.ByteBuffer.wrap(key));
            if (known != null) {
                return known;
            }
            if (pads.size() >= CACHED_KEYS) {
                pads.clear();
            }
            Pads made = Pads.of(key);
            pads.put(java.nio.ByteBuffer.wrap(key.clone()), made);
            return made;
        }
    }
}
