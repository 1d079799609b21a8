package nl.govroam.server.codec;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/**
 * MD5 engines cloned from a prototype made once (HMAC-MD5, which keeps per-key state, is {@link HmacMd5}).
 * {@code getInstance} looks up the provider and builds the engine reflectively on every call, which was a visible
 * share of the per-packet cost; a clone copies a few small arrays and works the same on the I/O thread and on
 * short-lived virtual threads. The prototype is never used itself, so cloning it from any thread is safe.
 */
final class Md5Instances {
    private static final MessageDigest MD5_PROTOTYPE = newMd5();

    private Md5Instances() {
    }

    static MessageDigest md5() {
        try {
            return (MessageDigest) MD5_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newMd5();
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
