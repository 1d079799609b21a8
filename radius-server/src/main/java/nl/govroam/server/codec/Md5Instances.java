package nl.govroam.server.codec;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MD5 and HMAC-MD5 engines cloned from prototypes made once. {@code getInstance} looks up the provider and builds
 * the engine reflectively on every call, which was a visible share of the per-packet cost; a clone copies a few
 * small arrays. Clones rather than thread-locals, because requests run on short-lived virtual threads. The
 * prototypes are never used themselves, so cloning them from any thread is safe.
 */
final class Md5Instances {
    private static final String HMAC_MD5 = "HmacMD5";
    private static final MessageDigest MD5_PROTOTYPE = newMd5();
    private static final Mac HMAC_MD5_PROTOTYPE = newHmacMd5();

    private Md5Instances() {
    }

    static MessageDigest md5() {
        try {
            return (MessageDigest) MD5_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newMd5();
        }
    }

    /** An HMAC-MD5 keyed with {@code key} (an empty key is one zero octet, as HMAC pads it anyway). */
    static Mac hmacMd5(byte[] key) {
        Mac mac;
        try {
            mac = (Mac) HMAC_MD5_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            mac = newHmacMd5();
        }
        try {
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, HMAC_MD5));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is part of every JDK", e);
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** Initialised once with a dummy key, so the provider is chosen before the prototype is ever cloned. */
    private static Mac newHmacMd5() {
        try {
            Mac mac = Mac.getInstance(HMAC_MD5);
            mac.init(new SecretKeySpec(new byte[1], HMAC_MD5));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is part of every JDK", e);
        }
    }
}
