package nl.govroam.server.codec;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Unpredictable octets for what a packet carries: Request Authenticators, Proxy-State, State, MPPE salts. They come
 * from the system's {@link SecureRandom}, drawn 4 KiB at a time and handed out in slices: each draw from the default
 * SecureRandom (NativePRNG) takes its lock, checks its /dev/urandom buffer and mixes in SHA1PRNG output, a few
 * hundred nanoseconds that were a visible share of a proxied request, which needs two. A slice is used once; the
 * octets are as unpredictable as the generator's, and they are no secret once sent.
 */
public final class RandomOctets {
    private static final int POOL = 4096;
    private static final SecureRandom SOURCE = new SecureRandom();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final byte[] pool = new byte[POOL];
    private static int used = POOL;

    private RandomOctets() {
    }

    /** Fills {@code into} with fresh octets. */
    public static void fill(byte[] into) {
        if (into.length > POOL / 4) {
            SOURCE.nextBytes(into);
            return;
        }
        LOCK.lock();
        try {
            if (used + into.length > POOL) {
                SOURCE.nextBytes(pool);
                used = 0;
            }
            System.arraycopy(pool, used, into, 0, into.length);
            Arrays.fill(pool, used, used + into.length, (byte) 0);
            used += into.length;
        } finally {
            LOCK.unlock();
        }
    }

    /** {@code length} fresh octets. */
    public static byte[] of(int length) {
        byte[] octets = new byte[length];
        fill(octets);
        return octets;
    }
}
